/** `node(id)`: any entity by id, projected through the Entity interface and its fragments. */
import { getNamedType } from 'graphql';
import type { CompileScope } from './CompileScope';
import { compiledQuery, type CompiledQuery, type ResultRow } from './CompiledQuery';
import { rootSelections } from './collectFields';
import { projectEntity } from './project';

/** Zero or one row. */
export function compileNode(scope: CompileScope, id: string): CompiledQuery<ResultRow> {
  const result = projectEntity(scope, 'v', getNamedType(scope.info.returnType), rootSelections(scope.info));
  return compiledQuery(`MATCH (v:Entity {id: ${scope.param(id)}})`, { result }, scope.params);
}
