// The page's only way to the server's data: GraphQL requests to /graphql, and the field lists it asks for.

/** Citation fields: where each points and, when the server has the source's text, the cited words. */
export const CITATION_FIELDS = 'citations { paragraph start end text source { id name } }';
/** Names in other languages, each with its language tag. */
export const NAMES_FIELDS = 'names { text language }';
/** What the page draws and shows of a node (a GraphNode: `date` and `verdict` are not on every entity). */
export const NODE_FIELDS = `id kind name summary sources namespace tier date verdict ${NAMES_FIELDS} ${CITATION_FIELDS}`;
/** What the page draws and shows of a link. */
export const EDGE_FIELDS =
  'id type source target basis rationale sources review { status by at note } ' + CITATION_FIELDS;

/** An error the API answered with, carrying its code. */
export class ApiError extends Error {
  constructor(message, code) {
    super(message);
    this.code = code;
  }
}

/** Runs one GraphQL operation and returns its data; throws ApiError on any error in the answer. */
export async function graphql(query, variables) {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query, variables }),
  });
  let body;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`the server answered ${response.status} without a GraphQL body`, 'BAD_RESPONSE');
  }
  if (body.errors && body.errors.length > 0) {
    const first = body.errors[0];
    throw new ApiError(body.errors.map((e) => e.message).join('; '), first.extensions?.code ?? 'UNKNOWN');
  }
  return body.data;
}
