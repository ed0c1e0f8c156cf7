/**
 * The query compiler, pinned: the Cypher and parameters compiled for typical selections. A change in
 * generated Cypher shows up here in review. Runs without a database: the schema is executed with a
 * root resolver that only compiles.
 */
import { buildASTSchema, execute, parse, type GraphQLResolveInfo } from 'graphql';
import { loadTypeDefs } from '../../src/graphql/loadTypeDefs';
import { SCHEMA_DIR } from '../../src/paths';
import { CompileScope } from '../../src/compiler/CompileScope';
import type { CompiledQuery } from '../../src/compiler/CompiledQuery';
import { compileList } from '../../src/compiler/compileList';
import { compileConnection } from '../../src/compiler/compileConnection';
import { compileNode } from '../../src/compiler/compileNode';
import { compileNeighborhood, type NeighborhoodArgs } from '../../src/compiler/compileNeighborhood';
import { selectedGraphFields } from '../../src/compiler/graphShapes';
import { compileSearch, luceneQuery, type SearchArgs } from '../../src/compiler/compileSearch';
import { getNamedType, isObjectType } from 'graphql';
import { DEFAULT_API_LIMITS } from '../../src/config/ApiLimits';

const schema = buildASTSchema(loadTypeDefs(SCHEMA_DIR));
const limits = { ...DEFAULT_API_LIMITS };

/** Compiles the single root field of `query` with `compile`. */
function compiled(
  query: string,
  compile: (scope: CompileScope, args: Record<string, unknown>, info: GraphQLResolveInfo) => CompiledQuery<unknown>,
  variableValues?: Record<string, unknown>,
): CompiledQuery<unknown> {
  let result: CompiledQuery<unknown> | undefined;
  let refused: Error | undefined;
  void execute({
    schema,
    document: parse(query),
    variableValues,
    fieldResolver: (_source, args: Record<string, unknown>, _context, info) => {
      if (info.parentType.name !== 'Query') return null;
      try {
        result = compile(new CompileScope(info, limits), args, info);
      } catch (error) {
        refused = error as Error;
      }
      return null;
    },
  });
  if (refused) throw refused;
  if (!result) throw new Error('nothing was compiled');
  return result;
}

function objectOf(info: GraphQLResolveInfo) {
  const type = getNamedType(info.returnType);
  if (!isObjectType(type)) throw new Error('not an object type');
  return type;
}

describe('Query compiler', () => {
  it('compiles a filtered, sorted list with nested relationship fields into one query', () => {
    const q = compiled(
      '{ goals(where: {targetYear: {eq: 2025}, name: {contains: "world", caseInsensitive: true}}, ' +
        'sort: [{field: ORDINAL, direction: DESC}], limit: 2) { id t: tasks { name industries { id } } } }',
      (scope, args, info) => compileList(scope, objectOf(info), args),
    );
    expect(q.cypher).toMatchInlineSnapshot(`
     "MATCH (v0:Goal) WHERE (toLower(v0.\`name\`) CONTAINS toLower($p1) AND v0.\`targetYear\` = $p2)
     WITH v0 ORDER BY v0.\`ordinal\` DESC, v0.id ASC SKIP $p7 LIMIT $p8
     RETURN {\`id\`: v0.\`id\`, \`t\`: COLLECT { MATCH (v0)<-[r4:ADVANCES]-(n3:Task) WITH n3 ORDER BY n3.ordinal, n3.id RETURN {\`name\`: n3.\`name\`, \`industries\`: COLLECT { MATCH (n3)-[r6:DEVELOPS]->(n5:Industry) WITH n5 ORDER BY n5.id RETURN {\`id\`: n5.\`id\`} AS item }} AS item }} AS result"
    `);
    expect(q.params).toMatchInlineSnapshot(`
     {
       "p1": "world",
       "p2": 2025,
       "p7": 0,
       "p8": 2,
     }
    `);
  });

  it('compiles a connection with its total count and links carrying basis and sources', () => {
    const q = compiled(
      '{ tasksConnection(first: 2, after: "b2Zmc2V0OjE=") { totalCount ' +
        'edges { node { id goalsConnection { edges { basis sources node { id } } } } } } }',
      (scope, args, info) => compileConnection(scope, objectOf(info), args),
    );
    expect(q.cypher).toMatchInlineSnapshot(`
     "CALL () { MATCH (v0:Task) RETURN count(v0) AS totalCount }
     CALL () { MATCH (v1:Task) WITH v1 ORDER BY v1.id ASC SKIP $p2 LIMIT $p3 RETURN collect({\`id\`: v1.\`id\`, \`goalsConnection\`: {\`edges\`: COLLECT { MATCH (v1)-[r5:ADVANCES]->(n4:Goal) WITH r5, n4 ORDER BY n4.ordinal, n4.id RETURN {\`basis\`: r5.\`basis\`, \`sources\`: r5.\`sources\`, \`node\`: {\`id\`: n4.\`id\`}} AS item }}}) AS page }
     RETURN {\`totalCount\`: totalCount} AS totals, page AS page"
    `);
    expect(q.params).toMatchInlineSnapshot(`
     {
       "p2": 2,
       "p3": 3,
     }
    `);
  });

  it('projects an interface with one CASE branch per type when fragments pick type-specific fields', () => {
    const q = compiled('{ node(id: "zgc14:task-talent") { id ... on Task { ordinal } } }', (scope, args) =>
      compileNode(scope, args['id'] as string),
    );
    expect(q.cypher).toContain("CASE WHEN v:Plan THEN {`__typename`: 'Plan', `id`: v.`id`}");
    expect(q.cypher).toContain("WHEN v:ActionPlan THEN {`__typename`: 'ActionPlan', `id`: v.`id`}");
    expect(q.cypher).toContain("WHEN v:Task THEN {`__typename`: 'Task', `id`: v.`id`, `ordinal`: v.`ordinal`}");
    expect(Object.values(q.params)).toContain('zgc14:task-talent');
  });

  it('projects an interface without CASE when only interface fields are selected', () => {
    const q = compiled('{ node(id: "a:b") { id name } }', (scope, args) => compileNode(scope, args['id'] as string));
    expect(q.cypher).toMatchInlineSnapshot(`
     "MATCH (v:Entity {id: $p0})
     RETURN {\`__typename\`: head([l IN labels(v) WHERE l <> 'Entity']), \`id\`: v.\`id\`, \`name\`: v.\`name\`} AS result"
    `);
  });

  it('unrolls a neighbourhood into one breadth-first level per depth', () => {
    const q = compiled(
      '{ neighborhood(id: "zgc14:plan", depth: 2, relationTypes: [SETS]) { truncated } }',
      (scope, args) => compileNeighborhood(scope, args as unknown as NeighborhoodArgs, selectedGraphFields(scope)),
    );
    expect(q.cypher.match(/CALL \(seen, frontier\)/g)).toHaveLength(2);
    expect(q.cypher).toContain('type(r) IN $p0');
    expect(q.params['p0']).toEqual(['SETS']);
  });

  it('seeks the unique id index when a list is filtered by ids', () => {
    const q = compiled('{ industries(where: {id: {in: ["a:b"]}}) { id } }', (scope, args, info) =>
      compileList(scope, objectOf(info), args),
    );
    expect(q.cypher).toMatch(/^MATCH \(v0:Entity:Industry\) WHERE v0.`id` IN \$p\d+\n/);
  });

  it('reads only the node and edge fields a neighbourhood query selects, aliases and fragments included', () => {
    const q = compiled(
      '{ neighborhood(id: "zgc14:plan") { nodes { id label: name } ...E } } fragment E on Subgraph { edges { basis } }',
      (scope, args) => compileNeighborhood(scope, args as unknown as NeighborhoodArgs, selectedGraphFields(scope)),
    );
    expect(q.cypher).toContain('[n IN nodes | {id: n.id, name: n.name}] AS nodes');
    expect(q.cypher).toContain('collect({source: a.id, type: type(r), target: b.id, basis: r.basis}) AS edges');
    expect(q.cypher).not.toMatch(/summary|rationale|sources|namespace|labels\(/);
  });

  it("reads a node's tier only when selected, and only from an industry", () => {
    const neighbourhood = (selection: string): string =>
      compiled(`{ neighborhood(id: "zgc14:plan") { nodes { ${selection} } } }`, (scope, args) =>
        compileNeighborhood(scope, args as unknown as NeighborhoodArgs, selectedGraphFields(scope)),
      ).cypher;
    expect(neighbourhood('id tier')).toContain('[n IN nodes | {id: n.id, tier: CASE WHEN n:Industry THEN n.tier END}]');
    expect(neighbourhood('id name')).not.toMatch(/\btier\b|Industry/);
  });

  it('honours @skip and @include, and fragments spread from the document', () => {
    const q = compiled(
      'query($no: Boolean!) { tasks { ...T name @skip(if: $no) } } fragment T on Task { ordinal }',
      (scope, args, info) => compileList(scope, objectOf(info), args),
      { no: true },
    );
    expect(q.cypher).toContain('RETURN {`ordinal`: v0.`ordinal`} AS result');
  });

  it('sends search text to Lucene only as lower-case words of letters and digits', () => {
    expect(luceneQuery('a+b (c)~2 OR "d"').spaced).toBe(
      ['a', 'b', 'c', '2', 'or', 'd'].map((w) => `name:${w}^4 name:${w}*^2 summary:${w} summary:${w}*^0.5`).join(' '),
    );
    expect(luceneQuery('Forum AND (venue').spaced).toBe(
      'name:forum^4 name:forum*^2 summary:forum summary:forum*^0.5 name:and^4 name:and*^2 ' +
        'summary:and summary:and*^0.5 name:venue^4 name:venue*^2 summary:venue summary:venue*^0.5',
    );
    const q = compiled('{ search(text: "forum", kinds: [PLATFORM]) { score entity { id } } }', (scope, args) =>
      compileSearch(scope, args as unknown as SearchArgs),
    );
    expect(Object.values(q.params)).toContain('name:forum^4 name:forum*^2 summary:forum summary:forum*^0.5');
    expect(Object.values(q.params)).toContainEqual(['Platform']);
    expect(q.cypher).not.toContain('entity_names');
  });

  it('sends Chinese words as phrases to the index of names in other languages, and mixed text to both', () => {
    expect(luceneQuery('中关村论坛 "x" (永久会址)')).toEqual({
      spaced: 'name:x^4 name:x*^2 summary:x summary:x*^0.5',
      unspaced: 'namesText:"中关村论坛" namesText:"永久会址"',
    });
    const chinese = compiled('{ search(text: "中关村论坛") { score entity { id } } }', (scope, args) =>
      compileSearch(scope, args as unknown as SearchArgs),
    );
    expect(chinese.cypher).toContain("queryNodes('entity_names'");
    expect(chinese.cypher).not.toContain("queryNodes('entity_text'");
    const mixed = compiled('{ search(text: "中关村 Forum") { score entity { id } } }', (scope, args) =>
      compileSearch(scope, args as unknown as SearchArgs),
    );
    expect(mixed.cypher).toContain('UNION ALL');
    expect(mixed.cypher).toContain('max(score)');
  });
  it('compiles link filters to existential and COUNT subqueries, every value a parameter', () => {
    const q = compiled(
      '{ tasks(where: {industries: {some: {tier: {eq: FUTURE}}}, goalsConnection: {none: {edge: {basis: {eq: STATED}}}}, ' +
        'platformsCount: {gte: 2}, NOT: {name: {startsWith: "x", caseInsensitive: true}}}) { id } }',
      (scope, args, info) => compileList(scope, objectOf(info), args),
    );
    expect(q.cypher.split('\n')[0]).toBe(
      'MATCH (v0:Task) WHERE (NOT (toLower(v0.`name`) STARTS WITH toLower($p1)) ' +
        'AND NOT EXISTS { MATCH (v0)-[r3:ADVANCES]->(n2:Goal) WHERE r3.`basis` = $p4 } ' +
        'AND EXISTS { MATCH (v0)-[r6:DEVELOPS]->(n5:Industry) WHERE n5.`tier` = $p7 } ' +
        'AND COUNT { MATCH (v0)-[r9:BUILDS]->(n8:Platform) } >= $p10)',
    );
    expect(Object.values(q.params)).toEqual(expect.arrayContaining(['FUTURE', 'STATED', 2, 'x']));
  });

  it('refuses a filter deeper or larger than the limits, naming the limit', () => {
    const deep = Array.from({ length: 8 }).reduce<string>((w) => `{NOT: ${w}}`, '{id: {eq: "x"}}');
    expect(() =>
      compiled(`{ goals(where: ${deep}) { id } }`, (scope, args, info) => compileList(scope, objectOf(info), args)),
    ).toThrow(/API_MAX_FILTER_DEPTH/);
    const wide = `{OR: [${Array.from({ length: 70 }, (_, i) => `{ordinal: {eq: ${i}}}`).join(', ')}]}`;
    expect(() =>
      compiled(`{ goals(where: ${wide}) { id } }`, (scope, args, info) => compileList(scope, objectOf(info), args)),
    ).toThrow(/API_MAX_FILTER_PREDICATES/);
  });
});
