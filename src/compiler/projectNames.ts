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
  return namesList(v, i, (part) =>
    projectSelection(scope.info, type, subSelections(nodes), (field) => {
      if (field === 'text' || field === 'language') return part(field);
      throw new InternalError(`LocalizedName.${field} has no compiled form`);
    }),
  );
}

/** The names stored on `v` as plain `{text, language}` maps, for graph nodes and exports. */
export function namesMaps(v: string, i: string): string {
  return namesList(v, i, (part) => `{text: ${part('text')}, language: ${part('language')}}`);
}

// The list over the two parallel stored lists, `each` building one item from the i-th of each.
function namesList(v: string, i: string, each: (part: (field: 'text' | 'language') => string) => string): string {
  const part = (field: 'text' | 'language'): string => `${v}.${field === 'text' ? 'nameTexts' : 'nameLanguages'}[${i}]`;
  return `[${i} IN range(0, size(coalesce(${v}.nameTexts, [])) - 1) | ${each(part)}]`;
}
