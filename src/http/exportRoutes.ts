/**
 * GET /export.graphml, /export.gexf and /export.cyjs: the whole graph, or the neighbourhoods of some
 * entities, as a file for visualization tools. Query parameters, each optional and given at most once
 * (a repeated one is 400 BAD_USER_INPUT); lists are comma-separated:
 * - `focus`: an entity id, or a list of at most `maxFoci` (the server's `maxAliases`, API_MAX_ALIASES)
 *   ids: the union of their neighbourhoods, each node and link once. An unknown id is 404 NOT_FOUND.
 * - `depth`: how many links out from each focus, 1 to `maxDepth` (1 when omitted); needs a focus.
 * - `basis`, `review`: which links are walked and kept: `basis=STATED` only the links the source
 *   states, `review=ACCEPTED` only the links review accepted.
 * - `kinds` (EntityKind values), `namespace` and `tiers` (IndustryTier values): of the nodes read, keep
 *   those of these kinds, in these namespaces and, if industries, of these tiers (`tiers` keeps every
 *   other kind); a link goes with either end. An unknown value or an empty list is 400 BAD_USER_INPUT.
 * An export cut at `maxNodes` nodes says so in an `x-export-truncated` header.
 */
import { sendError } from './httpError';
import type { Request, RequestHandler, Response, Router } from 'express';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Database } from '../database/Database';
import type { ApiLimits } from '../config/ApiLimits';
import type { Logger } from '../logging/createLogger';
import { EXPORT_FORMATS } from '../export/exportFormats';
import { readExportGraph } from '../export/readExportGraph';
import { parseWalkFilter } from '../export/parseWalkFilter';
import { parseNodeFilter, type NodeFilterChoices } from '../export/parseNodeFilter';
import type { NodeFilter } from '../export/NodeFilter';
import type { WalkFilter } from '../compiler/walkFilter';
import { BadUserInputError } from '../errors/errors';
import type { SourceTexts } from '../provenance/checkCitations';
import { enumValues } from '../graphql/enumValues';

/** What the export routes need. */
export interface ExportRoutesOptions {
  db: Database;
  limits: ApiLimits;
  logger: Logger;
  /** Largest number of nodes one export may hold. */
  maxNodes: number;
  /** Most entity ids one `focus` may list. */
  maxFoci: number;
  /** The API's schema, whose EntityKind and IndustryTier enums are the values `kinds` and `tiers` take. */
  schema: GraphQLSchema;
  /** Texts of cited sources, for the cited words. */
  sourceTexts: SourceTexts;
  /** Establishes the caller and refuses those who may not read, before each export. */
  authentication: RequestHandler;
}

/** An export's query parameters, checked. */
interface Selection {
  foci: string[] | undefined;
  depth: number | undefined;
  walk: WalkFilter;
  nodes: NodeFilter;
}

/** A router serving the three export formats. */
export function exportRoutes(options: ExportRoutesOptions): Router {
  const router = express.Router();
  const choices: NodeFilterChoices = {
    kinds: enumValues(options.schema, 'EntityKind'),
    tiers: enumValues(options.schema, 'IndustryTier'),
  };
  for (const [name, format] of Object.entries(EXPORT_FORMATS)) {
    router.get(`/export.${name}`, options.authentication, async (req: Request, res: Response) => {
      try {
        const chosen = selection(req, options, choices);
        const graph = await readExportGraph(
          options.db,
          options.limits,
          { foci: chosen.foci, depth: chosen.depth, ...chosen.walk, nodes: chosen.nodes },
          options.maxNodes,
          options.sourceTexts,
        );
        res.setHeader('content-type', format.contentType);
        res.setHeader('content-disposition', `attachment; filename="${fileName(chosen)}.${format.extension}"`);
        if (graph.truncated) res.setHeader('x-export-truncated', `true; at most ${options.maxNodes} nodes`);
        res.status(200).send(format.write(graph));
      } catch (error) {
        sendError(res, error, options.logger);
      }
    });
  }
  return router;
}

/** The export's query parameters, checked. */
function selection(req: Request, options: ExportRoutesOptions, choices: NodeFilterChoices): Selection {
  const text = (name: string): string | undefined => single(req, name);
  const walk = parseWalkFilter({ basis: text('basis'), review: text('review') });
  const nodes = parseNodeFilter({ kinds: text('kinds'), tiers: text('tiers'), namespace: text('namespace') }, choices);
  return { ...fociAndDepth(text('focus'), text('depth'), options), walk, nodes };
}

function fociAndDepth(
  focus: string | undefined,
  depthText: string | undefined,
  { limits, maxFoci }: ExportRoutesOptions,
): Pick<Selection, 'foci' | 'depth'> {
  const foci = focus === undefined ? undefined : parseFoci(focus, maxFoci);
  if (depthText === undefined) return { foci, depth: undefined };
  const depth = /^\d{1,3}$/.test(depthText) ? Number(depthText) : NaN;
  if (!(depth >= 1 && depth <= limits.maxDepth))
    throw new BadUserInputError(
      `depth must be a whole number from 1 to ${limits.maxDepth}, got ${JSON.stringify(depthText)}`,
      { argument: 'depth' },
    );
  if (foci === undefined)
    throw new BadUserInputError('depth needs a focus: the entity id to export around', { argument: 'depth' });
  return { foci, depth };
}

// The ids of `focus`, each once, in the order given; ids are taken as written (no trimming), as a
// single id always was.
function parseFoci(focus: string, maxFoci: number): string[] {
  const ids = focus.split(',');
  if (ids.some((id) => id.trim() === '')) {
    throw new BadUserInputError(
      ids.length === 1
        ? 'focus must be an entity id, got an empty value'
        : `focus must be one or more entity ids, comma-separated, got ${JSON.stringify(focus)}`,
      { argument: 'focus' },
    );
  }
  const distinct = [...new Set(ids)];
  const most = Math.max(1, maxFoci);
  if (distinct.length > most)
    throw new BadUserInputError(`focus may list at most ${most} entity ids, got ${distinct.length}`, {
      argument: 'focus',
    });
  return distinct;
}

/** The download's name, without extension: what was exported, then its filters, lower-cased. */
function fileName({ foci, depth, walk, nodes }: Selection): string {
  const base =
    foci === undefined
      ? 'zgc-plan-graph'
      : foci.length === 1
        ? `zgc-plan-graph-${slug(foci[0]!).slice(0, 80)}-depth${depth ?? 1}`
        : `zgc-plan-graph-${foci.length}-foci-depth${depth ?? 1}`;
  return [
    base,
    ...[...(walk.basis ?? []), ...(walk.review ?? [])].map((v) => v.toLowerCase()),
    ...nameParts('kinds', nodes.kinds),
    ...nameParts('tiers', nodes.tiers),
    ...nameParts('namespaces', nodes.namespaces),
  ].join('-');
}

// A filter in the file name: its values, or only how many there are when there are more than three,
// so the name stays short.
function nameParts(noun: string, values: readonly string[] | undefined): string[] {
  if (values === undefined) return [];
  return values.length > 3 ? [`${values.length}-${noun}`] : values.map((v) => slug(v.toLowerCase()).slice(0, 40));
}

// Letters, digits and hyphens only: the name goes into a quoted header value.
function slug(text: string): string {
  return text.replace(/[^A-Za-z0-9-]+/g, '-');
}

// Express parses `?a=1&a=2` into an array and `?a[b]=1` into an object; only a plain string is accepted.
function single(req: Request, name: string): string | undefined {
  const value: unknown = req.query[name];
  if (value === undefined || typeof value === 'string') return value;
  throw new BadUserInputError(`${name} may be given only once, as one value or one comma-separated list`, {
    argument: name,
  });
}
