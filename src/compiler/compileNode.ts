/** `node(id)`: any entity by id, projected through the Entity interface and its fragments. */
import { getNamedType } from 'graphql';
import type { CompileScope, CompiledQuery } from './CompileScope';
import { rootSelections } from './listQuery';
import { projectEntity } from './project';

/** Zero or one row with a `result` column. */
export function compileNode(scope: CompileScope, id: string): CompiledQuery {
  const projection = projectEntity(scope, 'v', getNamedType(scope.info.returnType), rootSelections(scope));
  return { cypher: `MATCH (v:Entity {id: ${scope.param(id)}})\nRETURN ${projection} AS result`, params: scope.params };
}
