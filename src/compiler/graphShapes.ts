/**
 * Cypher shapes of the graph-drawing types, GraphNode and GraphEdge. Only the fields a request selects
 * are read from the database; an edge's id and the order of edges are made in TypeScript from the
 * source, type and target every edge carries, so no property is read twice for them.
 */
import { getNamedType, isObjectType, type FieldNode, type GraphQLObjectType } from 'graphql';
import type { RelationshipType } from '../dataset/PlanDataset';
import { CompileScope, type ParamScope } from './CompileScope';
import { collectFields, returnObjectType, subSelections } from './collectFields';
import { kindExpression, versionExpression } from './project';
import { reviewExpression } from '../curation/storedReview';
import { locatorList, projectCitations } from './projectCitations';
import { namesMaps } from './projectNames';

/** Which GraphNode and GraphEdge fields to read. */
export interface GraphFields {
  node: ReadonlySet<string>;
  edge: ReadonlySet<string>;
  /**
   * The `citations` selections under nodes and edges, by response key (each alias may select other
   * fields); without them (exports) `citations` holds plain locators.
   */
  citations?: { node: ReadonlyMap<string, readonly FieldNode[]>; edge: ReadonlyMap<string, readonly FieldNode[]> };
}

const NODE_FIELDS = [
  'id',
  'name',
  'kind',
  'summary',
  'sources',
  'citations',
  'namespace',
  'tier',
  'names',
  'date',
  'verdict',
] as const;
const EDGE_EXTRAS = ['basis', 'rationale', 'sources', 'citations', 'version', 'review'] as const;

/** Every field: for exports, which write them all. */
export const ALL_GRAPH_FIELDS: GraphFields = { node: new Set(NODE_FIELDS), edge: new Set(EDGE_EXTRAS) };

/** The fields selected under `nodes` and `edges` of the root field that `scope` compiles. */
export function selectedGraphFields(scope: CompileScope): GraphFields {
  const { info } = scope;
  const rootType = returnObjectType(info);
  const root = collectFields(info, rootType, subSelections(info.fieldNodes));
  const citations = { node: new Map<string, FieldNode[]>(), edge: new Map<string, FieldNode[]>() };
  const under = (field: 'nodes' | 'edges'): Set<string> => {
    const names = new Set<string>();
    for (const nodes of root.values()) {
      const [first] = nodes;
      if (first?.name.value !== field) continue;
      const type = getNamedType(rootType.getFields()[field]?.type);
      if (!isObjectType(type)) continue;
      for (const [key, selected] of collectFields(info, type as GraphQLObjectType, subSelections(nodes))) {
        names.add(selected[0]!.name.value);
        if (selected[0]!.name.value === 'citations') {
          const byKey = citations[field === 'nodes' ? 'node' : 'edge'];
          byKey.set(key, [...(byKey.get(key) ?? []), ...selected]);
        }
      }
    }
    return names;
  };
  return { node: under('nodes'), edge: under('edges'), citations };
}

/** Map literal of a GraphNode for node `n`, holding the selected fields (always `id`). */
export function graphNode(scope: ParamScope, n: string, fields: GraphFields): string {
  const entries = NODE_FIELDS.filter((f) => f === 'id' || fields.node.has(f)).map((f) =>
    f === 'citations' ? citationsOf(scope, n, fields, 'node') : `${f}: ${nodeField(scope, n, f)}`,
  );
  return `{${entries.join(', ')}}`;
}

// The value of a GraphNode field other than citations, for node `n`.
function nodeField(scope: ParamScope, n: string, field: Exclude<(typeof NODE_FIELDS)[number], 'citations'>): string {
  switch (field) {
    case 'kind':
      return kindExpression(scope, n);
    // The field promises null for every kind but Industry, whatever else a node may hold.
    case 'tier':
      return `CASE WHEN ${n}:Industry THEN ${n}.tier END`;
    // Every LocalizedName field, whatever the selection: the list is short and exports want both.
    case 'names':
      return namesMaps(n, scope.variable('i'));
    // The one date each dated kind has, so a timeline or a dynamic export reads one field.
    case 'date':
      return `CASE WHEN ${n}:Evidence OR ${n}:Source THEN ${n}.date WHEN ${n}:Assessment THEN ${n}.asOf WHEN ${n}:Plan THEN ${n}.issued END`;
    case 'verdict':
      return `CASE WHEN ${n}:Assessment THEN ${n}.verdict END`;
    default:
      return `${n}.${field}`;
  }
}

// Map entries for the citations of `v`: one per response key the request selects, or plain locators.
function citationsOf(scope: ParamScope, v: string, fields: GraphFields, of: 'node' | 'edge'): string {
  const selected = fields.citations?.[of];
  if (!selected || selected.size === 0 || !(scope instanceof CompileScope))
    return `citations: ${locatorList(scope, v)}`;
  return [...selected].map(([key, nodes]) => `\`${key}\`: ${projectCitations(scope, v, nodes)}`).join(', ');
}

/**
 * Map literal of a GraphEdge for relationship `r` directed from `source` to `target` (node variables
 * or expressions), holding source, type, target and the selected attributes; `finishEdges` adds the id.
 */
export function graphEdge(scope: ParamScope, source: string, r: string, target: string, fields: GraphFields): string {
  const extras = EDGE_EXTRAS.filter((f) => fields.edge.has(f)).map(
    (f) =>
      `, ${
        f === 'citations'
          ? citationsOf(scope, r, fields, 'edge')
          : f === 'version'
            ? `version: ${versionExpression(r)}`
            : f === 'review'
              ? `review: ${reviewExpression(r)}`
              : `${f}: ${r}.${f}`
      }`,
  );
  return `{source: ${source}.id, type: type(${r}), target: ${target}.id${extras.join('')}}`;
}

/** A node as the compiled queries return it: the id and the selected GraphNode fields. */
export interface GraphNodeRow {
  id: string;
  [field: string]: unknown;
}

/** An edge as the compiled queries return it. */
export interface EdgeRow {
  source: string;
  type: RelationshipType;
  target: string;
  [attribute: string]: unknown;
}

/** Gives each edge its stable id `source|TYPE|target`; with `sort`, orders edges by that triple. */
export function finishEdges<E extends EdgeRow>(
  edges: readonly E[],
  options: { sort: boolean },
): (E & { id: string })[] {
  const finished = edges.map((e) => ({ ...e, id: `${e.source}|${e.type}|${e.target}` }));
  return options.sort ? sortEdges(finished) : finished;
}

/** Sorts `edges` in place by source, type and target, the order `finishEdges` gives; returns them. */
export function sortEdges<E extends Pick<EdgeRow, 'source' | 'type' | 'target'>>(edges: E[]): E[] {
  return edges.sort((x, y) => compare(x.source, y.source) || compare(x.type, y.type) || compare(x.target, y.target));
}

// Code-point order, the order Neo4j sorts strings in, so results match an ORDER BY on the same keys
// (plain `<` compares UTF-16 code units, which differs for characters beyond the BMP).
function compare(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

// Surrogates (characters beyond the BMP) rank above every other code unit, as their code points do.
function codePointRank(unit: number): number {
  return unit >= 0xd800 && unit <= 0xdfff ? unit + 0x2000 : unit >= 0xe000 ? unit - 0x800 : unit;
}
