/** Reads the SDL in `schema/` and checks it against the graph before anything is served. */
import { buildASTSchema, type DocumentNode, type GraphQLSchema } from 'graphql';
import { checkRelations } from '../compiler/relationOf';
import { loadTypeDefs } from './loadTypeDefs';

/** The parsed SDL and the schema built from it. */
export interface LoadedSchema {
  typeDefs: DocumentNode;
  schema: GraphQLSchema;
}

/** Reads and checks the SDL in `dir`; throws StartupError naming any bad `@relation`. */
export function loadSchema(dir: string): LoadedSchema {
  const typeDefs = loadTypeDefs(dir);
  const schema = buildASTSchema(typeDefs);
  checkRelations(schema);
  return { typeDefs, schema };
}
