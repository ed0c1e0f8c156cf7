/**
 * What ad-hoc Cypher may do: read the graph, nothing else. Judged from Neo4j's own plan of the query
 * (EXPLAIN), not from its text, so no spelling or comment trick changes the verdict. The read
 * transaction it then runs in is a second wall: Neo4j itself refuses writes there.
 */
import type { ExplainedQuery } from '../database/Database';
import { ForbiddenError } from '../errors/errors';

/** Procedures that only read the graph or its schema; any other CALL is refused. */
export const ALLOWED_PROCEDURES: readonly string[] = [
  'db.labels',
  'db.relationshipTypes',
  'db.propertyKeys',
  'db.schema.visualization',
  'db.schema.nodeTypeProperties',
  'db.schema.relTypeProperties',
  'db.index.fulltext.queryNodes',
  'db.index.fulltext.queryRelationships',
];

/** Throws FORBIDDEN, saying which rule the query breaks, unless it only reads. */
export function checkReadOnly(explained: ExplainedQuery): void {
  for (const operator of explained.operators) {
    const type = operator.type.replace(/@.*$/, '');
    if (type === 'LoadCSV') {
      throw new ForbiddenError('cypher may not use LOAD CSV: it reads files and URLs, not the graph', {
        rule: 'no-load-csv',
      });
    }
    if (type.startsWith('ProcedureCall')) {
      const procedure = /^[\w.]+/.exec(operator.details)?.[0] ?? operator.details;
      if (!ALLOWED_PROCEDURES.includes(procedure)) {
        throw new ForbiddenError(
          `cypher may call only these procedures: ${ALLOWED_PROCEDURES.join(', ')}; got ${procedure}`,
          { rule: 'procedure-allow-list' },
        );
      }
    }
  }
  // Checked last, so a refused procedure or LOAD CSV is named as such rather than as a write.
  if (explained.queryType !== 'r') {
    const what = explained.queryType === 's' ? 'changes the schema' : 'writes to the graph';
    throw new ForbiddenError(`cypher runs read-only queries; this one ${what} (query type "${explained.queryType}")`, {
      rule: 'read-only',
    });
  }
}
