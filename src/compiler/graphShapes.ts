/** Fixed Cypher shapes of the graph-drawing types: GraphNode and GraphEdge. */
import type { ParamScope } from './CompileScope';
import { kindExpression } from './project';

/** Map literal of a GraphNode for node `n`. */
export function graphNode(scope: ParamScope, n: string): string {
  return `{id: ${n}.id, name: ${n}.name, kind: ${kindExpression(scope, n)}, summary: ${n}.summary, sources: ${n}.sources, namespace: ${n}.namespace}`;
}

/** Map literal of a GraphEdge for relationship `r`, directed as stored. */
export function graphEdge(r: string): string {
  return (
    `{id: startNode(${r}).id + '|' + type(${r}) + '|' + endNode(${r}).id, type: type(${r}), ` +
    `source: startNode(${r}).id, target: endNode(${r}).id, basis: ${r}.basis, rationale: ${r}.rationale, sources: ${r}.sources}`
  );
}
