/**
 * The model type of every GraphQL type: what the query compiler returns for it. A compiled row holds
 * the selected fields under their response keys, so each field is optional; the fields it holds have
 * their schema types, projected in turn. Scalars and enums stay what they are.
 */
export type Projection<T> = T extends readonly (infer E)[]
  ? readonly Projection<E>[]
  : T extends object
    ? { readonly [K in keyof T]?: Projection<T[K]> } & { readonly __typename?: string }
    : T;
