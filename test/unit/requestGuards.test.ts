import { buildASTSchema, parse, validate } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { loadTypeDefs } from '../../src/graphql/loadTypeDefs';
import { SCHEMA_DIR } from '../../src/paths';
import { DEFAULT_GUARDS } from '../../src/config/readConfig';
import { guardRules, listSizeEstimator, whereCost } from '../../src/guards/requestGuards';
import { DEFAULT_API_LIMITS } from '../../src/config/ApiLimits';

const schema = buildASTSchema(loadTypeDefs(SCHEMA_DIR));
const limits = { ...DEFAULT_API_LIMITS };
const cost = (query: string, variables: Record<string, unknown> = {}): number =>
  getComplexity({ schema, query: parse(query), variables, estimators: [listSizeEstimator(DEFAULT_GUARDS, limits)] });
const problems = (query: string): string[] =>
  validate(schema, parse(query), guardRules({ ...DEFAULT_GUARDS, maxQueryDepth: 4, maxAliases: 2 })).map(
    (e) => e.message,
  );

describe('Request guards', () => {
  it('estimates cost as fields plus list sizes times their selections', () => {
    expect(cost('{ goals { id tasks { industries { id } } } }')).toBe(1 + 100 * (1 + (1 + 10 * (1 + 10 * 1))));
    expect(cost('{ goals(limit: 5) { id } }')).toBe(1 + 5 * 1);
    expect(cost('query($n: Int) { goals(limit: $n) { id } }', { n: 7 })).toBe(1 + 7 * 1);
    expect(cost('{ goalsConnection(first: 3) { totalCount edges { node { id } } } }')).toBe(
      1 + Math.ceil(((1 + (1 + 10 * (1 + 1))) * 3) / 10),
    );
    expect(cost('{ goalsConnection(first: 500) { edges { node { tasks { industries { id } } } } } }')).toBe(
      1 + ((1 + 10 * (1 + (1 + 10 * (1 + 10 * 1)))) * 500) / 10,
    );
    expect(cost('{ neighborhood(id: "a") { nodes { id } } }')).toBe(1 + Math.ceil(((1 + 10 * 1) * 100) / 10));
  });

  it('counts a limit above the cap as the cap, leaving the refusal to the field', () => {
    expect(cost('{ goals(limit: 100000) { id } }')).toBe(1 + 500);
  });

  it('refuses subscriptions, unknown mutations, deep nesting and alias bombs while validating', () => {
    expect(problems('subscription { x }')).toContain('This API has no subscription operations.');
    // Mutations exist now: the guard leaves them to the schema's own validation.
    expect(problems('mutation { x }')).not.toContain('This API has no mutation operations.');
    expect(problems('{ plans { goals { tasks { goals { id } } } } }')).toEqual([
      expect.stringContaining('Query depth limit of 4 exceeded, found 5'),
    ]);
    expect(problems('{ plans { ...G } } fragment G on Plan { goals { tasks { id } } }')).toEqual([]);
    expect(problems('{ a: plans { id } b: plans { id } c: plans { id } }')).toEqual([
      expect.stringContaining('Aliases limit of 2 exceeded, found 3'),
    ]);
    expect(problems('{ a: __typename b: __typename c: __typename }')).toEqual([]);
  });
});

describe('The cost of a where', () => {
  it('counts nothing for property conditions and the assumed link count per link filter, nested ones multiplied', () => {
    expect(whereCost({ name: { eq: 'x' }, AND: [{ ordinal: { gt: 1 } }] }, 10)).toBe(0);
    expect(whereCost({ industriesCount: { gte: 2 } }, 10)).toBe(10);
    expect(whereCost({ industries: { some: { tier: { eq: 'KEY' } } } }, 10)).toBe(10);
    expect(whereCost({ goals: { some: { tasks: { none: { name: { eq: 'x' } } } } } }, 10)).toBe(10 * (1 + 10));
    expect(whereCost({ OR: [{ goalsConnection: { all: { node: { tasksCount: { eq: 1 } } } } }] }, 10)).toBe(
      10 * (1 + 10),
    );
  });
});
