/**
 * GET /export.graphml, /export.gexf and /export.cyjs, each with optional `focus` (an entity id),
 * `depth`, `basis` and `review`: the whole graph, or the neighbourhood of one entity, as a file for
 * visualization tools; `basis=STATED` keeps only the links the source states, `review=ACCEPTED` only
 * the links review accepted.
 */
import { sendError } from './httpError';
import type { Request, RequestHandler, Response, Router } from 'express';
import express from 'express';
import type { Database } from '../database/Database';
import type { ApiLimits } from '../config/ApiLimits';
import type { Logger } from '../logging/createLogger';
import { EXPORT_FORMATS } from '../export/exportFormats';
import { readExportGraph } from '../export/readExportGraph';
import { parseWalkFilter } from '../export/parseWalkFilter';
import type { WalkFilter } from '../compiler/walkFilter';
import { BadUserInputError } from '../errors/errors';
import type { SourceTexts } from '../provenance/checkCitations';

/** What the export routes need. */
export interface ExportRoutesOptions {
  db: Database;
  limits: ApiLimits;
  logger: Logger;
  /** Largest number of nodes one export may hold. */
  maxNodes: number;
  /** Texts of cited sources, for the cited words. */
  sourceTexts: SourceTexts;
  /** Establishes the caller and refuses those who may not read, before each export. */
  authentication: RequestHandler;
}

/** A router serving the three export formats. */
export function exportRoutes(options: ExportRoutesOptions): Router {
  const router = express.Router();
  for (const [name, format] of Object.entries(EXPORT_FORMATS)) {
    router.get(`/export.${name}`, options.authentication, async (req: Request, res: Response) => {
      try {
        const { focus, depth, walk } = selection(req, options.limits);
        const graph = await readExportGraph(
          options.db,
          options.limits,
          { focus, depth, ...walk },
          options.maxNodes,
          options.sourceTexts,
        );
        const base =
          focus === undefined
            ? 'zgc-plan-graph'
            : `zgc-plan-graph-${focus.replace(/[^A-Za-z0-9-]+/g, '-').slice(0, 80)}-depth${depth ?? 1}`;
        const name = [base, ...[...(walk.basis ?? []), ...(walk.review ?? [])].map((v) => v.toLowerCase())].join('-');
        res.setHeader('content-type', format.contentType);
        res.setHeader('content-disposition', `attachment; filename="${name}.${format.extension}"`);
        if (graph.truncated) res.setHeader('x-export-truncated', `true; at most ${options.maxNodes} nodes`);
        res.status(200).send(format.write(graph));
      } catch (error) {
        sendError(res, error, options.logger);
      }
    });
  }
  return router;
}

/** The export's `focus`, `depth`, `basis` and `review` query parameters, checked. */
function selection(
  req: Request,
  limits: ApiLimits,
): { focus: string | undefined; depth: number | undefined; walk: WalkFilter } {
  const basis = single(req.query['basis']);
  const review = single(req.query['review']);
  if (basis === null || review === null)
    throw new BadUserInputError('basis and review may each be given once, as one comma-separated list');
  return { ...focusAndDepth(req, limits), walk: parseWalkFilter({ basis, review }) };
}

function focusAndDepth(req: Request, limits: ApiLimits): { focus: string | undefined; depth: number | undefined } {
  const focus = single(req.query['focus']);
  const depthText = single(req.query['depth']);
  if (focus === null || depthText === null) throw new BadUserInputError('focus and depth may each be given once');
  if (focus !== undefined && focus.trim() === '')
    throw new BadUserInputError('focus must be an entity id, got an empty value', { argument: 'focus' });
  if (depthText === undefined) return { focus, depth: undefined };
  const depth = /^\d{1,3}$/.test(depthText) ? Number(depthText) : NaN;
  if (!(depth >= 1 && depth <= limits.maxDepth))
    throw new BadUserInputError(
      `depth must be a whole number from 1 to ${limits.maxDepth}, got ${JSON.stringify(depthText)}`,
      { argument: 'depth' },
    );
  if (focus === undefined)
    throw new BadUserInputError('depth needs a focus: the entity id to export around', { argument: 'depth' });
  return { focus, depth };
}

// Express parses `?a=1&a=2` into an array and `?a[b]=1` into an object; only a plain string is accepted.
function single(value: unknown): string | undefined | null {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : null;
}
