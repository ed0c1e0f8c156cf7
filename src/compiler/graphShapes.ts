/** Fixed Cypher shapes of the graph-drawing types: GraphNode and GraphEdge. */
import type { CompileScope } from './CompileScope';
import { kindExpression } from './project';

/** Map literal of a GraphNode for node `n`. */
export function graphNode(scope: CompileScope, n: string): string {
  return `{id: ${n}.id, name: ${n}.name, kind: ${kindExpression(scope, n)}}`;
}

/** Map literal of a GraphEdge for relationship `r`, directed as stored. */
export function graphEdge(r: string): string {
  return (
    `{id: startNode(${r}).id + '|' + type(${r}) + '|' + endNode(${r}).id, type: type(${r}), ` +
    `source: startNode(${r}).id, target: endNode(${r}).id, basis: ${r}.basis, rationale: ${r}.rationale, sources: ${r}.sources}`
  );
}
