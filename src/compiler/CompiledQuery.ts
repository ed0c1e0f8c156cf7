/**
 * What the compiler hands to the resolvers: a Cypher text, its parameters, and (as a type only) the
 * row its RETURN clause produces. `compiledQuery` builds the RETURN clause from one expression per
 * column of the row type the compiler declares it returns (never inferred from the columns given), so
 * a column renamed on one side and not the other fails `tsc`.
 */

/** A query ready to send, typed by the rows it returns. */
export interface CompiledQuery<Row> {
  cypher: string;
  params: Record<string, unknown>;
  /** Never set: it only carries `Row` to `runCompiled`. */
  readonly rowType?: Row;
}

/** One Cypher expression for every column of `Row`, no more and no fewer; columns are plain identifiers. */
export type Columns<Row> = { readonly [K in keyof Row]-?: string };

/** The query of `lines` followed by `RETURN <expr> AS <column>, ...` for every column of `Row`. */
export function compiledQuery<Row>(
  lines: string | readonly string[],
  columns: Columns<NoInfer<Row>>,
  params: Record<string, unknown>,
): CompiledQuery<Row> {
  const entries = Object.entries(columns as Record<string, string>);
  const returned = `RETURN ${entries.map(([column, expression]) => `${expression} AS ${column}`).join(', ')}`;
  return { cypher: [...(typeof lines === 'string' ? [lines] : lines), returned].join('\n'), params };
}

/** An object the compiler projected from a selection: the selected fields under their response keys. */
export type Projected = { readonly [responseKey: string]: unknown };

/** The row of queries that return one projected object per row. */
export interface ResultRow {
  result: Projected;
}
