/**
 * The model type of every GraphQL type: what the query compiler returns for it. A compiled row holds
 * exactly the selected fields, under their response keys, so each field of an object is optional and
 * nested objects are left to their own resolvers. Scalars and enums stay what they are.
 */
export type Projection<T> = T extends object ? { [K in keyof T]?: unknown } & { __typename?: string } : T;
