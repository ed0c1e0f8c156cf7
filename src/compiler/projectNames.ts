/**
 * `names` of an entity: its names in other languages, kept as two parallel lists (see storedNames),
 * shaped by the selection of `LocalizedName` fields.
 */
import { isObjectType, type FieldNode } from 'graphql';
import { InternalError } from '../errors/errors';
import type { CompileScope } from './CompileScope';
import { subSelections } from './collectFields';
import { projectSelection } from './projectSelection';

/** The Cypher list of the names stored on `v`, shaped by the selection `nodes` of a `names` field. */
export function projectNames(scope: CompileScope, v: string, nodes: readonly FieldNode[]): string {
  const type = scope.info.schema.getType('LocalizedName');
  if (!isObjectType(type)) throw new InternalError('The schema has no object type LocalizedName');
  const i = scope.variable('i');
  const item = projectSelection(scope.info, type, subSelections(nodes), (field) => {
    if (field === 'text') return `${v}.nameTexts[${i}]`;
    if (field === 'language') return `${v}.nameLanguages[${i}]`;
    throw new InternalError(`LocalizedName.${field} has no compiled form`);
  });
  return `[${i} IN range(0, size(coalesce(${v}.nameTexts, [])) - 1) | ${item}]`;
}
