import { checkReadOnly, READ_OPERATORS } from '../../src/adhoc/readOnlyPolicy';
import { ForbiddenError } from '../../src/errors/errors';

const op = (type: string, details = ''): { type: string; details: string } => ({ type, details });

function ruleOf(queryType: string, operators: Array<{ type: string; details: string }>): string | null {
  try {
    checkReadOnly({ queryType, operators });
    return null;
  } catch (error) {
    if (error instanceof ForbiddenError) return String(error.extensions['rule']);
    throw error;
  }
}

describe('Read-only policy for ad-hoc Cypher', () => {
  it('accepts a plan that only reads', () => {
    expect(ruleOf('r', [op('ProduceResults@neo4j'), op('NodeByLabelScan@neo4j', 'n:Goal')])).toBeNull();
  });

  it('accepts allowed procedures, matched by their full name', () => {
    expect(ruleOf('r', [op('ProcedureCall@neo4j', 'db.labels() :: (label :: STRING)')])).toBeNull();
    expect(ruleOf('r', [op('ProcedureCall@neo4j', 'db.index.fulltext.queryNodes($text) :: (node, score)')])).toBeNull();
  });

  it('refuses writes and schema changes by query type', () => {
    expect(ruleOf('rw', [op('Create@neo4j')])).toBe('read-only');
    expect(ruleOf('w', [])).toBe('read-only');
    expect(ruleOf('s', [])).toBe('read-only');
  });

  it('refuses a read plan holding one operator off the list, wherever it stands, and names it', () => {
    const reads = [op('ProduceResults@neo4j'), op('Filter@neo4j'), op('NodeByLabelScan@neo4j', 'n:Goal')];
    for (const foreign of [
      'ShowTransactions@neo4j',
      'TerminateTransactions@neo4j',
      'ShowSettings@neo4j',
      'Telepathy@neo4j',
    ]) {
      for (let at = 0; at <= reads.length; at++) {
        const operators = [...reads.slice(0, at), op(foreign), ...reads.slice(at)];
        expect(ruleOf('r', operators)).toBe('read-only');
        expect(() => checkReadOnly({ queryType: 'r', operators })).toThrow(foreign.replace(/@.*/, ''));
      }
    }
  });

  it('says an administration command is one', () => {
    expect(() => checkReadOnly({ queryType: 'r', operators: [op('ShowTransactions@neo4j')] })).toThrow(
      /ShowTransactions, which is an administration command/,
    );
  });

  it('lists no operator that writes or administers', () => {
    const offending = [...READ_OPERATORS].filter((name) =>
      /^(Show|Terminate|Create|Merge|Delete|DetachDelete|Set|Remove|Foreach|Transaction|LoadCSV|ProcedureCall|AdministrationCommand)/.test(
        name,
      ),
    );
    expect(offending).toEqual([]);
  });

  it('refuses LOAD CSV even in a read-only plan', () => {
    expect(ruleOf('r', [op('ProduceResults@neo4j'), op('LoadCSV@neo4j')])).toBe('no-load-csv');
  });

  it('refuses procedures outside the allow-list, including look-alike names', () => {
    expect(ruleOf('r', [op('ProcedureCall@neo4j', 'dbms.listConfig() :: (name :: STRING)')])).toBe(
      'procedure-allow-list',
    );
    expect(ruleOf('r', [op('ProcedureCall@neo4j', 'db.labelsAndMore() :: (x)')])).toBe('procedure-allow-list');
    expect(ruleOf('rw', [op('ProcedureCall@neo4j', 'db.createLabel($name)')])).toBe('procedure-allow-list');
  });
});
