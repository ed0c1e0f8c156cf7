/**
 * The `aggregate { count { nodes } node { <field> { min max average sum shortest longest } } }` of a
 * connection as one map literal. A root connection aggregates in a RETURN that sees every matched node
 * once (`aggregatingFigures`); a link connection sits inside another projection, where Neo4j allows no
 * aggregating function, so each figure there is a subquery of its own (`subqueryFigures`).
 */
import type { FieldNode, GraphQLObjectType, GraphQLResolveInfo } from 'graphql';
import { fieldObjectType, subSelections } from './collectFields';
import { projectSelection } from './projectSelection';

/** The Cypher of one figure (`count` for the number of nodes) of one property (none for `count`). */
export type Figures = (figure: string, property?: string) => string | undefined;

/** Map literal of the selected figures of `aggregateType` (a `<Type>Aggregate`). */
export function aggregateExpression(
  info: GraphQLResolveInfo,
  aggregateType: GraphQLObjectType,
  nodes: readonly FieldNode[],
  figures: Figures,
): string {
  return projectSelection(info, aggregateType, subSelections(nodes), (field, fieldNodes) => {
    const type = fieldObjectType(aggregateType, field);
    if (field === 'count') {
      return projectSelection(info, type, subSelections(fieldNodes), (name) =>
        name === 'nodes' ? figures('count') : undefined,
      );
    }
    if (field !== 'node') return undefined;
    return projectSelection(info, type, subSelections(fieldNodes), (property, propertyNodes) =>
      projectSelection(info, fieldObjectType(type, property), subSelections(propertyNodes), (figure) =>
        figures(figure, property),
      ),
    );
  });
}

/** Figures as aggregating functions over node variable `n`, for a RETURN or WITH of their own. */
export function aggregatingFigures(n: string): Figures {
  return (figure, property) => {
    const value = `${n}.\`${property}\``;
    // Text figures compare [length, text]: the shortest (or longest) value, ties by code-point order.
    const sized = `CASE WHEN ${value} IS NULL THEN null ELSE [size(${value}), ${value}] END`;
    switch (figure) {
      case 'count':
        return `count(${n})`;
      case 'min':
        return `min(${value})`;
      case 'max':
        return `max(${value})`;
      case 'average':
        return `avg(${value})`;
      case 'sum':
        // Cypher sums no values to 0; a figure over no values is null, like the others.
        return `CASE WHEN count(${value}) = 0 THEN null ELSE sum(${value}) END`;
      case 'shortest':
        return `min(${sized})[1]`;
      case 'longest':
        return `max(${sized})[1]`;
      default:
        return undefined;
    }
  };
}

/** Figures as subqueries over `match` (a MATCH clause binding node `n`), each ordering or folding values. */
export function subqueryFigures(match: string, n: string): Figures {
  return (figure, property) => {
    const value = `${n}.\`${property}\``;
    const values = (order: string, limit = ''): string =>
      `COLLECT { ${match} WITH ${n} WHERE ${value} IS NOT NULL WITH ${value} AS x ORDER BY ${order}${limit} RETURN x }`;
    const first = (order: string): string => `head(${values(order, ' LIMIT 1')})`;
    const sum = `reduce(s = 0, x IN ${values('x')} | s + x)`;
    const counted = `COUNT { ${match} WITH ${n} WHERE ${value} IS NOT NULL RETURN ${n} }`;
    switch (figure) {
      case 'count':
        return `COUNT { ${match} }`;
      case 'min':
        return first('x');
      case 'max':
        return first('x DESC');
      case 'average':
        return `CASE WHEN ${counted} = 0 THEN null ELSE toFloat(${sum}) / ${counted} END`;
      case 'sum':
        return `CASE WHEN ${counted} = 0 THEN null ELSE ${sum} END`;
      case 'shortest':
        return first('size(x), x');
      case 'longest':
        return first('size(x) DESC, x DESC');
      default:
        return undefined;
    }
  };
}
