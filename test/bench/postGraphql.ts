/** Asks a GraphQL server one query over HTTP and returns its `data`, throwing on GraphQL errors. */
import type { Json } from './workload';

/** POSTs `query` to `url` (60 s at most) and returns `data`; an answer with `errors` throws, quoting them. */
export async function postGraphql(url: string, query: string): Promise<Json> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
    signal: AbortSignal.timeout(60_000),
  });
  const body = (await response.json()) as { data?: Json; errors?: unknown };
  if (body.errors) throw new Error(`${url}: ${JSON.stringify(body.errors).slice(0, 500)}`);
  return body.data;
}
