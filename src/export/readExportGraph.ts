/**
 * Reads the whole graph, or the neighbourhoods of one or more entities, for an export: one query for
 * the whole graph, or one per focus (the query a single focus has always had), then combined.
 */
import type { Database } from '../database/Database';
import type { ApiLimits } from '../config/ApiLimits';
import { ParamScope } from '../compiler/CompileScope';
import { compileGraph, type GraphRow } from '../compiler/compileGraph';
import { runCompiled } from '../compiler/runCompiled';
import { compileNeighborhood } from '../compiler/compileNeighborhood';
import { ALL_GRAPH_FIELDS, finishEdges, sortEdges } from '../compiler/graphShapes';
import { NotFoundError } from '../errors/errors';
import { readCypher } from '../cypher/readCypher';
import type { WalkFilter } from '../compiler/walkFilter';
import type { ExportCitation, ExportEdge, ExportGraph, ExportNode } from './ExportGraph';
import type { SourceTexts } from '../provenance/checkCitations';
import type { Locator } from '../provenance/SourceText';
import { combineParts, type ExportPart } from './combineParts';
import type { NodeFilter } from './NodeFilter';
import { COMMITMENTS } from '../dataset/PlanDataset';
import { exportLifetimes, type NodeDates, type PlanDates } from './exportLifetimes';

const NAMESPACES = readCypher('export/namespaces.cypher');
const NODE_DATES = readCypher('export/node-dates.cypher');
// The [link type, kind label] pairs that make a commitment, as node-dates.cypher matches them.
const COMMITMENT_PAIRS = Object.entries(COMMITMENTS).flatMap(([type, labels]) => labels.map((l) => [type, l]));

/**
 * What to export: everything, or `depth` links around each of `foci`; only the links `basis` and
 * `review` keep, and of the nodes read only those `nodes` keeps.
 */
export interface ExportSelection extends WalkFilter {
  /** Entity ids; the whole graph when omitted. */
  foci?: readonly string[] | undefined;
  depth?: number | undefined;
  nodes?: NodeFilter | undefined;
}

/**
 * Reads the selected graph; `maxNodes` caps each read and the result. Citations carry their words from
 * `sourceTexts` where it holds the source; `lifetimes` says when each node and edge is on the timeline.
 * Throws NotFoundError naming the first unknown focus, or the namespaces asked for that hold no entity
 * (with those that do): an empty file would read as "nothing".
 */
export async function readExportGraph(
  db: Database,
  limits: ApiLimits,
  selection: ExportSelection,
  maxNodes: number,
  sourceTexts: SourceTexts,
): Promise<ExportGraph & { truncated: boolean }> {
  const scope = (): ParamScope => new ParamScope({ ...limits, maxLimit: maxNodes, defaultLimit: maxNodes });
  if (selection.nodes?.namespaces) await checkNamespaces(db, selection.nodes.namespaces);
  const rows: GraphRow[] = [];
  if (selection.foci === undefined) {
    // Each branch keeps its compiled row type, so a renamed column fails here too.
    const [row] = await runCompiled(db, compileGraph(scope(), selection));
    if (row) rows.push(row);
  } else {
    // One focus after another: each read is as large as an export of one, and they need not compete.
    for (const focus of selection.foci) {
      const args = { ...selection, id: focus, depth: selection.depth ?? null };
      const [found] = await runCompiled(db, compileNeighborhood(scope(), args, ALL_GRAPH_FIELDS));
      if (!found?.found) {
        throw new NotFoundError(`focus: no entity has the id ${JSON.stringify(focus)}`, { argument: 'focus' });
      }
      rows.push(found);
    }
  }
  const parts: ExportPart<ExportNode, ExportEdge>[] = rows.map((row) => ({
    // ALL_GRAPH_FIELDS reads every GraphNode field, so each node is a whole ExportNode (but for the
    // words of its citations, which `withText` adds).
    nodes: row.nodes as unknown as ExportNode[],
    edges: finishEdges(row.edges as Omit<ExportEdge, 'id'>[], { sort: false }),
    truncated: row.truncated,
  }));
  const graph = combineParts({ parts, filter: selection.nodes ?? {}, maxNodes });
  const withText = <T extends { citations: unknown }>(item: T): T & { citations: ExportCitation[] } => ({
    ...item,
    citations: (item.citations as Locator[]).map((l) => ({ ...l, text: sourceTexts.get(l.source)?.span(l) ?? null })),
  });
  const nodes = graph.nodes.map(withText);
  const edges = sortEdges(graph.edges).map(withText);
  const dates = await readNodeDates(
    db,
    nodes.map((n) => n.id),
  );
  return { nodes, edges, lifetimes: exportLifetimes({ nodes, edges }, dates), truncated: graph.truncated };
}

// The plan periods behind the nodes' lifetimes, by node id; nodes that are neither plans nor
// commitments have no entry.
async function readNodeDates(db: Database, ids: readonly string[]): Promise<Map<string, NodeDates>> {
  if (ids.length === 0) return new Map();
  const rows = await db.read(NODE_DATES, { ids, commitments: COMMITMENT_PAIRS });
  return new Map(
    rows.map((row) => [
      String(row['id']),
      { plan: (row['plan'] as PlanDates | null) ?? null, committedBy: row['committedBy'] as PlanDates[] },
    ]),
  );
}

async function checkNamespaces(db: Database, asked: readonly string[]): Promise<void> {
  const known = (await db.read(NAMESPACES)).map((row) => String(row['namespace']));
  const unknown = asked.filter((namespace) => !known.includes(namespace));
  if (unknown.length > 0) {
    throw new NotFoundError(
      `namespace: no entity is in ${unknown.map((n) => JSON.stringify(n)).join(', ')}; ` +
        `the namespaces are ${known.map((n) => JSON.stringify(n)).join(', ') || 'none (the graph is empty)'}`,
      { argument: 'namespace', namespaces: known },
    );
  }
}
