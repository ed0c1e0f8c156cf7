/** Reads the whole graph, or the neighbourhood of one entity, for an export: one query either way. */
import type { Database } from '../database/Database';
import type { ApiLimits } from '../config/ApiLimits';
import { ParamScope } from '../compiler/CompileScope';
import { compileGraph, type GraphRow } from '../compiler/compileGraph';
import { runCompiled } from '../compiler/runCompiled';
import { compileNeighborhood } from '../compiler/compileNeighborhood';
import { ALL_GRAPH_FIELDS, finishEdges } from '../compiler/graphShapes';
import { NotFoundError } from '../errors/errors';
import type { ExportEdge, ExportGraph } from './ExportGraph';

/** What to export: everything, or `depth` links around `focus`. */
export interface ExportSelection {
  focus?: string | undefined;
  depth?: number | undefined;
}

/** Reads the selected graph; `maxNodes` caps its size. Throws NotFoundError for an unknown focus. */
export async function readExportGraph(
  db: Database,
  limits: ApiLimits,
  selection: ExportSelection,
  maxNodes: number,
): Promise<ExportGraph & { truncated: boolean }> {
  const scope = new ParamScope({ ...limits, maxLimit: maxNodes, defaultLimit: maxNodes });
  const query =
    selection.focus === undefined
      ? compileGraph(scope, {})
      : compileNeighborhood(scope, { id: selection.focus, depth: selection.depth ?? null }, ALL_GRAPH_FIELDS);
  const [row] = await runCompiled<GraphRow & { found?: boolean }>(db, query);
  if (selection.focus !== undefined && !row?.found) {
    throw new NotFoundError(`focus: no entity has the id ${JSON.stringify(selection.focus)}`, { argument: 'focus' });
  }
  return {
    // ALL_GRAPH_FIELDS reads every GraphNode field, so each node is a whole ExportNode.
    nodes: (row?.nodes ?? []) as unknown as ExportGraph['nodes'],
    edges: finishEdges((row?.edges ?? []) as Omit<ExportEdge, 'id'>[], { sort: true }),
    truncated: row?.truncated === true,
  };
}
