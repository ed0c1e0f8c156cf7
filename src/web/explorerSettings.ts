/**
 * The explorer page's settings, served as the ES module `/explorer/settings.js` and written from the
 * server's configuration, so the page never asks for more than the API allows or draws more than
 * EXPLORER_MAX_DRAWN elements.
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
  /** Most aliases of one field the page puts in one request. */
  maxAliases: number;
}

/** The settings for these limits. */
export function explorerSettings(limits: ApiLimits, drawnLimit: number, maxAliases: number): ExplorerSettings {
  return { requestLimit: limits.maxLimit, drawnLimit, maxDepth: limits.maxDepth, maxAliases: Math.max(1, maxAliases) };
}

/** The text of the settings module. */
export function explorerSettingsModule(settings: ExplorerSettings): string {
  return `// Written by the server from its configuration.\nexport const SETTINGS = Object.freeze(${JSON.stringify(settings)});\n`;
}
