/** Which nodes an export keeps: by kind, by namespace and, for industries, by tier. */
import { kindOfLabel } from '../compiler/project';
import type { ExportNode } from './ExportGraph';

/** Each part given must hold for a node to be kept; a part not given keeps every node. */
export interface NodeFilter {
  /** EntityKind values. */
  kinds?: readonly string[];
  /** IndustryTier values; they concern industries only, and keep every other kind. */
  tiers?: readonly string[];
  namespaces?: readonly string[];
}

const INDUSTRY = kindOfLabel('Industry');

/** Whether `filter` keeps `node`. */
export function keepsNode(filter: NodeFilter, node: Pick<ExportNode, 'kind' | 'namespace' | 'tier'>): boolean {
  return (
    (!filter.kinds || filter.kinds.includes(node.kind)) &&
    (!filter.namespaces || filter.namespaces.includes(node.namespace)) &&
    (!filter.tiers || node.kind !== INDUSTRY || (node.tier !== null && filter.tiers.includes(node.tier)))
  );
}
