/**
 * The explorer page's settings, served as the ES module `/explorer/settings.js` and written from the
 * server's configuration, so the page never asks for more than the API allows, never draws more than
 * EXPLORER_MAX_DRAWN elements, and never centres a view on more entities than one export may name.
 */
import type { ApiLimits } from '../config/ApiLimits';

/** What the explorer page is told. */
export interface ExplorerSettings {
  /** Most nodes the page asks for in one request: the API's `limit` cap. */
  requestLimit: number;
  /** Most elements (nodes and links) the page draws at once. */
  drawnLimit: number;
  /** Deepest neighbourhood the page offers. */
  maxDepth: number;
  /** Most entities a view centres on: as many as the export routes take in `focus`. */
  maxFocus: number;
}

/** What the settings are made from. */
export interface ExplorerSettingsSource {
  limits: ApiLimits;
  /** EXPLORER_MAX_DRAWN. */
  drawnLimit: number;
  /** The export routes' cap on `focus` ids (API_MAX_ALIASES). */
  maxFocus: number;
}

/** The settings for this configuration. */
export function explorerSettings(source: ExplorerSettingsSource): ExplorerSettings {
  return {
    requestLimit: source.limits.maxLimit,
    drawnLimit: source.drawnLimit,
    maxDepth: source.limits.maxDepth,
    maxFocus: Math.max(1, source.maxFocus),
  };
}

/** The text of the settings module. */
export function explorerSettingsModule(settings: ExplorerSettings): string {
  return `// Written by the server from its configuration.\nexport const SETTINGS = Object.freeze(${JSON.stringify(settings)});\n`;
}
