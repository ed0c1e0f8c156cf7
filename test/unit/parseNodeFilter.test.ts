/**
 * The node filter of an export (`kinds`, `tiers`, `namespace`), parsed without a database: values are
 * the schema's own enum values, and every refusal names the argument and shows the text it got.
 */
import { buildASTSchema } from 'graphql';
import { loadTypeDefs } from '../../src/graphql/loadTypeDefs';
import { enumValues } from '../../src/graphql/enumValues';
import { SCHEMA_DIR } from '../../src/paths';
import { parseNodeFilter } from '../../src/export/parseNodeFilter';
import { BadUserInputError } from '../../src/errors/errors';

const schema = buildASTSchema(loadTypeDefs(SCHEMA_DIR));
const choices = { kinds: enumValues(schema, 'EntityKind'), tiers: enumValues(schema, 'IndustryTier') };

function refusal(texts: Parameters<typeof parseNodeFilter>[0]): { message: string; argument: unknown } {
  try {
    parseNodeFilter(texts, choices);
  } catch (error) {
    expect(error).toBeInstanceOf(BadUserInputError);
    const e = error as BadUserInputError;
    return { message: e.message, argument: e.extensions['argument'] };
  }
  throw new Error(`${JSON.stringify(texts)} was not refused`);
}

describe('parseNodeFilter', () => {
  it('keeps every node when no list is given', () => {
    expect(parseNodeFilter({}, choices)).toEqual({});
  });

  it('reads each list, values trimmed, in the order given', () => {
    expect(parseNodeFilter({ kinds: 'GOAL, TASK', tiers: 'KEY,LEADING', namespace: 'zgc14,other' }, choices)).toEqual({
      kinds: ['GOAL', 'TASK'],
      tiers: ['KEY', 'LEADING'],
      namespaces: ['zgc14', 'other'],
    });
  });

  it('takes kinds and tiers from the schema', () => {
    expect(choices.kinds).toContain('ACTION_PLAN');
    expect(choices.tiers).toEqual(['LEADING', 'KEY', 'SERVICE', 'SERVICE_BRANCH', 'FUTURE', 'TRADITIONAL']);
  });

  it.each([
    [{ kinds: 'GOALS' }, 'kinds', '"GOALS"'],
    [{ kinds: 'goal' }, 'kinds', '"goal"'],
    [{ kinds: '' }, 'kinds', '""'],
    [{ kinds: 'GOAL,' }, 'kinds', '"GOAL,"'],
    [{ tiers: 'TOP' }, 'tiers', '"TOP"'],
    [{ tiers: '' }, 'tiers', '""'],
    [{ namespace: '' }, 'namespace', '""'],
    [{ namespace: 'a,,b' }, 'namespace', '"a,,b"'],
  ])('refuses %j, naming %s and showing %s', (texts, argument, shown) => {
    const { message, argument: named } = refusal(texts);
    expect(named).toBe(argument);
    expect(message).toMatch(new RegExp(`^${argument} must be one or more .*, comma-separated, got ${shown}$`));
  });

  it('states the values allowed', () => {
    expect(refusal({ tiers: 'TOP' }).message).toBe(
      'tiers must be one or more of LEADING, KEY, SERVICE, SERVICE_BRANCH, FUTURE, TRADITIONAL, comma-separated, ' +
        'got "TOP"',
    );
  });
});
