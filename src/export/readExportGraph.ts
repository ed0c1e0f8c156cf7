/** Reads the whole graph, or the neighbourhood of one entity, for an export: one query either way. */
import type { Database } from '../database/Database';
import type { ApiLimits } from '../config/ApiLimits';
import { ParamScope } from '../compiler/CompileScope';
import { compileGraph, type GraphRow } from '../compiler/compileGraph';
import { runCompiled } from '../compiler/runCompiled';
import { compileNeighborhood } from '../compiler/compileNeighborhood';
import { ALL_GRAPH_FIELDS, finishEdges } from '../compiler/graphShapes';
import { NotFoundError } from '../errors/errors';
import type { WalkFilter } from '../compiler/walkFilter';
import type { ExportCitation, ExportEdge, ExportGraph } from './ExportGraph';
import type { SourceTexts } from '../provenance/checkCitations';
import type { Locator } from '../provenance/SourceText';

/** What to export: everything, or `depth` links around `focus`; only the links `basis` and `review` keep. */
export interface ExportSelection extends WalkFilter {
  focus?: string | undefined;
  depth?: number | undefined;
}

/**
 * Reads the selected graph; `maxNodes` caps its size. Citations carry their words from `sourceTexts`
 * where it holds the source. Throws NotFoundError for an unknown focus.
 */
export async function readExportGraph(
  db: Database,
  limits: ApiLimits,
  selection: ExportSelection,
  maxNodes: number,
  sourceTexts: SourceTexts,
): Promise<ExportGraph & { truncated: boolean }> {
  const scope = new ParamScope({ ...limits, maxLimit: maxNodes, defaultLimit: maxNodes });
  // Each branch keeps its compiled row type, so a renamed column fails here too.
  let row: GraphRow | undefined;
  if (selection.focus === undefined) {
    [row] = await runCompiled(db, compileGraph(scope, selection));
  } else {
    const args = { ...selection, id: selection.focus, depth: selection.depth ?? null };
    const [found] = await runCompiled(db, compileNeighborhood(scope, args, ALL_GRAPH_FIELDS));
    if (!found?.found) {
      throw new NotFoundError(`focus: no entity has the id ${JSON.stringify(selection.focus)}`, { argument: 'focus' });
    }
    row = found;
  }
  const withText = <T extends { citations: unknown }>(item: T): T & { citations: ExportCitation[] } => ({
    ...item,
    citations: (item.citations as Locator[]).map((l) => ({ ...l, text: sourceTexts.get(l.source)?.span(l) ?? null })),
  });
  return {
    // ALL_GRAPH_FIELDS reads every GraphNode field, so each node is a whole ExportNode.
    nodes: ((row?.nodes ?? []) as unknown as ExportGraph['nodes']).map(withText),
    edges: finishEdges((row?.edges ?? []) as Omit<ExportEdge, 'id'>[], { sort: true }).map(withText),
    truncated: row?.truncated === true,
  };
}
