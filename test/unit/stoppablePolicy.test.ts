/** Which expressions ad-hoc Cypher refuses because Neo4j could not stop them, judged from plan details. */
import { checkStoppable } from '../../src/adhoc/stoppablePolicy';
import { ForbiddenError } from '../../src/errors/errors';

const op = (type: string, details: string): { type: string; details: string } => ({ type, details });

function verdict(...operators: Array<{ type: string; details: string }>): string {
  try {
    checkStoppable({ queryType: 'r', operators });
    return 'runs';
  } catch (error) {
    if (error instanceof ForbiddenError) return /may not use (.*?):/.exec(error.message)?.[1] ?? error.message;
    throw error;
  }
}

describe('Stoppable-expression policy for ad-hoc Cypher', () => {
  it('refuses reduce() wherever it appears', () => {
    expect(verdict(op('Projection@neo4j', 'reduce(s = $autostring_1, x IN $l | s + x) AS s'))).toBe('reduce()');
    expect(verdict(op('Filter@neo4j', 'REDUCE (a = 0, x IN n.list | a + x) > 3'))).toBe('reduce()');
  });

  it('allows range() only as the whole list of an UNWIND', () => {
    expect(verdict(op('Unwind@neo4j', 'range($autoint_0, $autoint_1) AS x'))).toBe('runs');
    expect(verdict(op('Unwind@neo4j', 'range($autoint_0, $autoint_1) AS `odd name`'))).toBe('runs');
    expect(verdict(op('Unwind@neo4j', '[range($autoint_0, $autoint_1)] AS l'))).toBe('range() inside an expression');
    expect(verdict(op('Projection@neo4j', 'range($autoint_0, $autoint_1) AS l'))).toBe('range() inside an expression');
    expect(verdict(op('Projection@neo4j', 'size(range($autoint_0, $autoint_1)) AS n'))).toBe(
      'range() inside an expression',
    );
  });

  it('refuses an iteration nested in another, but not two side by side', () => {
    expect(verdict(op('Projection@neo4j', '[a IN l | size([b IN l WHERE b = a])] AS r'))).toBe(
      'a list comprehension or any/all/none/single nested in another',
    );
    expect(verdict(op('Projection@neo4j', '[a IN l WHERE any(b IN l WHERE b = a)] AS r'))).toBe(
      'a list comprehension or any/all/none/single nested in another',
    );
    expect(verdict(op('Projection@neo4j', '[a IN l | a.name] AS x, [b IN m | b.id] AS y'))).toBe('runs');
    // Quoted and non-ASCII variable names are variables all the same.
    expect(verdict(op('Projection@neo4j', '[`a b` IN l | size([`c d` IN l WHERE `c d` = `a b`])] AS r'))).toBe(
      'a list comprehension or any/all/none/single nested in another',
    );
    expect(verdict(op('Projection@neo4j', '[α IN l | size([β IN l WHERE β = α])] AS r'))).toBe(
      'a list comprehension or any/all/none/single nested in another',
    );
    expect(verdict(op('Projection@neo4j', '[n IN nodes((a)-[anon_0]->(b)) | n.name] AS names'))).toBe('runs');
  });

  it('reads expressions only: quoted names spelling a construct do not count', () => {
    expect(verdict(op('ProduceResults@neo4j', '`reduce(x IN range(1, 9) | [y IN [1] | y])`'))).toBe('runs');
  });
});
