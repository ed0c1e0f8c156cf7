/**
 * `citations` of an entity, a link edge or a graph node or edge: a list built from the locators stored
 * on the node or relationship, each with its Source projected by the selection. `text` is compiled to
 * the locator itself; the `Citation.text` resolver turns it into the cited words when the server holds
 * that source's text, so no source text travels to or from Neo4j.
 */
import { isObjectType, type FieldNode, type GraphQLObjectType } from 'graphql';
import { InternalError } from '../errors/errors';
import { locatorsExpression } from '../provenance/storedCitations';
import type { CompileScope } from './CompileScope';
import { subSelections } from './collectFields';
import { projectObject } from './project';
import { projectSelection } from './projectSelection';

/** The Cypher list of the citations stored on `v`, shaped by the selection `nodes` of a `citations` field. */
export function projectCitations(scope: CompileScope, v: string, nodes: readonly FieldNode[]): string {
  const citation = objectType(scope, 'Citation');
  const i = scope.variable('i');
  return locatorsExpression(v, i, (at) =>
    projectSelection(scope.info, citation, subSelections(nodes), (field, fieldNodes) => {
      switch (field) {
        case 'paragraph':
        case 'start':
        case 'end':
        case 'sha256':
          return at(field);
        case 'text':
          return `{source: ${at('source')}, paragraph: ${at('paragraph')}, start: ${at('start')}, end: ${at('end')}}`;
        case 'source': {
          const s = scope.variable('s');
          const source = projectObject(scope, s, objectType(scope, 'Source'), subSelections(fieldNodes));
          return `head(COLLECT { MATCH (${s}:Entity {id: ${at('source')}}) WHERE ${s}:Source RETURN ${source} AS item })`;
        }
        default:
          throw new InternalError(`Citation.${field} has no compiled form`);
      }
    }),
  );
}

/** The locators stored on `v` as plain maps, for exports. */
export function locatorList(scope: { variable(prefix: string): string }, v: string): string {
  return locatorsExpression(
    v,
    scope.variable('i'),
    (at) =>
      `{source: ${at('source')}, paragraph: ${at('paragraph')}, start: ${at('start')}, end: ${at('end')}, sha256: ${at('sha256')}}`,
  );
}

function objectType(scope: CompileScope, name: string): GraphQLObjectType {
  const type = scope.info.schema.getType(name);
  if (!isObjectType(type)) throw new InternalError(`The schema has no object type ${name}`);
  return type;
}
