/**
 * One export from the graphs read for it: the neighbourhoods of several foci united, the nodes a filter
 * keeps, and at most `maxNodes` of them. An edge goes with either of its ends.
 */
import type { ExportEdge, ExportNode } from './ExportGraph';
import { keepsNode, type NodeFilter } from './NodeFilter';

/** A graph as read for an export: nodes nearest its focus first, and the edges among them. */
export interface ExportPart<N, E> {
  nodes: readonly N[];
  edges: readonly E[];
  /** True when the read cut nodes off. */
  truncated: boolean;
}

/** What to combine, and how. */
export interface CombineOptions<N, E> {
  parts: readonly ExportPart<N, E>[];
  filter: NodeFilter;
  maxNodes: number;
}

/**
 * The union of `parts` (nodes and edges once each, by id), kept to the nodes `filter` keeps, then to
 * the first `maxNodes` of them. Truncated when a part was, or when more than `maxNodes` nodes remain.
 */
export function combineParts<
  N extends Pick<ExportNode, 'id' | 'kind' | 'namespace' | 'tier'>,
  E extends Pick<ExportEdge, 'id' | 'source' | 'target'>,
>({ parts, filter, maxNodes }: CombineOptions<N, E>): { nodes: N[]; edges: E[]; truncated: boolean } {
  const kept = uniteNodes(parts).filter((node) => keepsNode(filter, node));
  const nodes = kept.slice(0, maxNodes);
  const ids = new Set(nodes.map((node) => node.id));
  const edges = new Map<string, E>();
  for (const part of parts) {
    for (const edge of part.edges) {
      if (ids.has(edge.source) && ids.has(edge.target) && !edges.has(edge.id)) edges.set(edge.id, edge);
    }
  }
  return { nodes, edges: [...edges.values()], truncated: parts.some((p) => p.truncated) || kept.length > maxNodes };
}

// The parts' nodes taken in turn by position: each part lists its nodes nearest its focus first, so
// the union does too, and a cut drops the farthest nodes of every focus before any focus itself.
function uniteNodes<N extends { id: string }>(parts: readonly ExportPart<N, unknown>[]): N[] {
  const seen = new Set<string>();
  const nodes: N[] = [];
  const longest = parts.reduce((most, part) => Math.max(most, part.nodes.length), 0);
  for (let i = 0; i < longest; i++) {
    for (const part of parts) {
      const node = part.nodes[i];
      if (node !== undefined && !seen.has(node.id)) {
        seen.add(node.id);
        nodes.push(node);
      }
    }
  }
  return nodes;
}
