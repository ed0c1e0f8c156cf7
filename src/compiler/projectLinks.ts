/**
 * `@relation` fields in a projection: lists and single links become COLLECT subqueries, link
 * connections a map of `totalCount`, `edges` and `aggregate`, each walking only the links that the
 * field's `where` (on the entity at the other end) and `basis` let through.
 */
import {
  getArgumentValues,
  getNamedType,
  isListType,
  isNonNullType,
  isObjectType,
  type FieldNode,
  type GraphQLField,
  type GraphQLObjectType,
} from 'graphql';
import { InternalError } from '../errors/errors';
import type { CompileScope } from './CompileScope';
import { fieldObjectType, subSelections } from './collectFields';
import { compileWhere, type WhereInput } from './compileWhere';
import { aggregateExpression, subqueryFigures } from './aggregateExpression';
import { label, projectObject, versionExpression } from './project';
import { reviewExpression } from '../curation/storedReview';
import { projectSelection } from './projectSelection';
import { relationPattern, type Relation } from './relationOf';
import { linkPredicate, type WalkFilter } from './walkFilter';
import { projectCitations } from './projectCitations';

/** The Cypher expression of a `@relation` field of node `v`. */
export function linkExpression(
  scope: CompileScope,
  v: string,
  field: GraphQLField<unknown, unknown>,
  relation: Relation,
  nodes: readonly FieldNode[],
): string {
  const named = getNamedType(field.type);
  if (!isObjectType(named)) throw new InternalError(`@relation field ${field.name} must return an object type`);
  const n = scope.variable('n');
  const r = scope.variable('r');
  // GraphQL validation gives every node under one response key the same arguments.
  const args = getArgumentValues(field, nodes[0]!, scope.info.variableValues) as {
    where?: WhereInput | null;
  } & WalkFilter;
  const connection = named.name.endsWith('LinkConnection');
  const target = connection ? fieldObjectType(fieldObjectType(named, 'edges'), 'node') : named;
  const walk = { pattern: relationPattern(v, r, relation, n, label(target)), n, r, target };
  const conditions = [compileWhere(scope, n, target, args.where), linkPredicate(scope, r, args)].filter(
    (c): c is string => c !== undefined,
  );
  const match = `MATCH ${walk.pattern}${conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : ''}`;
  if (connection) return connectionExpression(scope, { ...walk, match, connection: named, nodes });
  const projection = projectObject(scope, n, target, subSelections(nodes));
  const collect = `COLLECT { ${match} WITH ${n} ORDER BY ${linkOrder(n, target)} RETURN ${projection} AS item }`;
  return isListField(field) ? collect : `head(${collect})`;
}

function connectionExpression(
  scope: CompileScope,
  o: {
    match: string;
    n: string;
    r: string;
    target: GraphQLObjectType;
    connection: GraphQLObjectType;
    nodes: readonly FieldNode[];
  },
): string {
  const edgeType = fieldObjectType(o.connection, 'edges');
  const edge = (nodes: readonly FieldNode[]): string =>
    projectSelection(scope.info, edgeType, subSelections(nodes), (field, edgeNodes) => {
      if (field === 'node') return projectObject(scope, o.n, o.target, subSelections(edgeNodes));
      if (field === 'type') return `type(${o.r})`;
      if (field === 'citations') return projectCitations(scope, o.r, edgeNodes);
      if (field === 'version') return versionExpression(o.r);
      if (field === 'review') return reviewExpression(o.r);
      if (field === 'id') return `startNode(${o.r}).id + '|' + type(${o.r}) + '|' + endNode(${o.r}).id`;
      return `${o.r}.\`${field}\``;
    });
  return projectSelection(scope.info, o.connection, subSelections(o.nodes), (field, nodes) => {
    if (field === 'totalCount') return `COUNT { ${o.match} }`;
    if (field === 'edges') {
      return `COLLECT { ${o.match} WITH ${o.r}, ${o.n} ORDER BY ${linkOrder(o.n, o.target)} RETURN ${edge(nodes)} AS item }`;
    }
    if (field === 'aggregate') {
      const aggregate = fieldObjectType(o.connection, 'aggregate');
      return aggregateExpression(scope.info, aggregate, nodes, subqueryFigures(o.match, o.n));
    }
    return undefined;
  });
}

// Linked entities come in the source's order where the type has one (goals, tasks), else by id; a
// type without `ordinal` is not asked for it, which would cost a property read per row for nothing.
function linkOrder(n: string, type: GraphQLObjectType): string {
  return 'ordinal' in type.getFields() ? `${n}.ordinal, ${n}.id` : `${n}.id`;
}

function isListField(field: GraphQLField<unknown, unknown>): boolean {
  return isListType(isNonNullType(field.type) ? field.type.ofType : field.type);
}
