/**
 * `search` reads the id of only the hits that can make the page, yet returns the page a plain sort of
 * every hit gives: exact name first, then score, ties by id. Compared over every bundled dataset with
 * that plain sort written directly in Cypher, for many texts and page sizes.
 */
import { luceneQuery } from '../../src/compiler/compileSearch';
import { startBundleServer } from '../support/planServer';
import type { TestServer } from '../support/testServer';

let t: TestServer;

beforeAll(async () => {
  t = await startBundleServer();
}, 180_000);

afterAll(async () => {
  await t?.close();
});

const TEXTS = ['industry', 'innovation', 'plan', 'zhongguancun', 'digital economy', '2025', 'science park', 'goal'];
const LIMITS = [1, 2, 3, 5, 8, 13, 20];

describe('search pages', () => {
  it.each(TEXTS)('for %j are those of a plain sort of every hit, at every page size', async (text) => {
    for (const limit of LIMITS) {
      const { data, errors } = await t.graphql<{ search: Array<{ score: number; entity: { id: string } }> }>(
        'query S($text: String!, $limit: Int) { search(text: $text, limit: $limit) { score entity { id } } }',
        { text, limit },
      );
      expect(errors).toBeUndefined();
      const rows = await t.db.read(
        "CALL db.index.fulltext.queryNodes('entity_text', $q, {limit: $lucene}) YIELD node, score " +
          'WITH node, score ORDER BY toLower(node.name) = $exact DESC, score DESC, node.id LIMIT $limit ' +
          'RETURN node.id AS id, score',
        { q: luceneQuery(text).spaced, lucene: limit * 4 + 10, exact: text.toLowerCase(), limit },
      );
      expect({ limit, page: data!.search.map((h) => [h.entity.id, h.score]) }).toEqual({
        limit,
        page: rows.map((r) => [r['id'], r['score']]),
      });
    }
  });
});
