/**
 * Who stands behind a claim: the publishers of the sources its citations come from, a copy counted as
 * its original publisher (a republication repeats a report, it does not confirm it). A claim that two
 * or more independent publishers cite is corroborated.
 */
import type { CompileScope } from './CompileScope';

// The distinct publishers behind the citations stored on `v`, as a subquery body.
function publishersOf(scope: CompileScope, v: string): string {
  const s = scope.variable('s');
  return (
    `MATCH (${s}:Entity) WHERE ${s}.id IN coalesce(${v}.citationSources, []) AND ${s}:Source ` +
    `WITH DISTINCT coalesce(${s}.originalPublisher, ${s}.publisher) AS publisher WHERE publisher IS NOT NULL`
  );
}

/** The sorted list of publishers behind `v`. */
export function publishersExpression(scope: CompileScope, v: string): string {
  return `COLLECT { ${publishersOf(scope, v)} RETURN publisher ORDER BY publisher }`;
}

/** Whether two or more publishers stand behind `v`. */
export function corroboratedExpression(scope: CompileScope, v: string): string {
  return `COUNT { ${publishersOf(scope, v)} RETURN publisher } >= 2`;
}
