import { splitStatements } from '../../src/migrations/applyMigrations';

describe('splitStatements', () => {
  it('splits on semicolons that end a line and drops comment lines', () => {
    const source =
      '// first\nCREATE INDEX a IF NOT EXISTS\nFOR (n:A) ON (n.x);\n\n' +
      '// second\nCREATE INDEX b IF NOT EXISTS FOR (n:B) ON (n.y);\n';
    expect(splitStatements(source)).toEqual([
      'CREATE INDEX a IF NOT EXISTS\nFOR (n:A) ON (n.x)',
      'CREATE INDEX b IF NOT EXISTS FOR (n:B) ON (n.y)',
    ]);
  });

  it('keeps a semicolon inside a line, as in a string literal', () => {
    expect(splitStatements("RETURN 'a;b' AS s;")).toEqual(["RETURN 'a;b' AS s"]);
  });
});
