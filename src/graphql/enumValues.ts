/** The values of an enum of the schema, in the order the SDL lists them. */
import { isEnumType, type GraphQLSchema } from 'graphql';
import { InternalError } from '../errors/errors';

/** The value names of enum `name` in `schema`; throws InternalError when the schema has no such enum. */
export function enumValues(schema: GraphQLSchema, name: string): string[] {
  const type = schema.getType(name);
  if (!isEnumType(type)) throw new InternalError(`The schema has no enum ${name}`);
  return type.getValues().map((v) => v.name);
}
