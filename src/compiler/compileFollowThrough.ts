/**
 * The follow-through reports: a plan's `commitments` with their newest evidence and assessment, one
 * commitment's `followThrough`, a plan's `scorecard` and the `movedGoals`. Each is one statement that
 * compiles only the parts selected; `basis` and `review` apply to every link walked.
 */
import { getNamedType, isEnumType, type FieldNode, type GraphQLNamedType, type GraphQLObjectType } from 'graphql';
import { COMMITMENT_LABELS, COMMITMENTS } from '../dataset/PlanDataset';
import { reviewExpression } from '../curation/storedReview';
import { InternalError } from '../errors/errors';
import type { CompileScope } from './CompileScope';
import { compiledQuery, type CompiledQuery, type ResultRow } from './CompiledQuery';
import { fieldObjectType, returnObjectType, rootSelections, subSelections } from './collectFields';
import { kindExpression, labelExpression, projectEntity, projectObject } from './project';
import { projectCitations } from './projectCitations';
import { projectSelection } from './projectSelection';
import { allLinks, linkPredicate, whereOf, type WalkFilter } from './walkFilter';

/** The link types from a plan to what it commits to, as a relationship pattern's type list. */
const COMMITTING = Object.keys(COMMITMENTS).join('|');

/** A predicate: node `v` is a commitment (a goal, task, platform, framework or action plan). */
function isCommitment(v: string): string {
  return `(${COMMITMENT_LABELS.map((l) => `${v}:${l}`).join(' OR ')})`;
}

// Where a kind of commitment comes in reports: the order of COMMITMENT_LABELS.
function kindOrder(scope: CompileScope, v: string): string {
  return `${scope.param(Object.fromEntries(COMMITMENT_LABELS.map((l, i) => [l, i])))}[${labelExpression(v)}]`;
}

// The commitments of plan `p`, reached by a link the walk keeps, in report order.
function committedBy(scope: CompileScope, p: string, c: string, walk: WalkFilter): string {
  const l = scope.variable('l');
  return (
    `MATCH (${p})-[${l}:${COMMITTING}]->(${c})${whereOf(isCommitment(c), linkPredicate(scope, l, walk))} ` +
    `WITH DISTINCT ${c} ORDER BY ${kindOrder(scope, c)}, ${c}.ordinal, ${c}.id`
  );
}

// Evidence bearing on `c` (`BEARS_ON` kept by the walk) and assessments of it (`ASSESSES`).
function evidenceOf(scope: CompileScope, c: string, e: string, walk: WalkFilter): string {
  const b = scope.variable('b');
  return `MATCH (${e}:Evidence)-[${b}:BEARS_ON]->(${c})${whereOf(linkPredicate(scope, b, walk))}`;
}
function assessmentsOf(scope: CompileScope, c: string, a: string, walk: WalkFilter): string {
  const s = scope.variable('s');
  return `MATCH (${a}:Assessment)-[${s}:ASSESSES]->(${c})${whereOf(linkPredicate(scope, s, walk))}`;
}

function entityType(type: GraphQLObjectType, field: string): GraphQLNamedType {
  return getNamedType(type.getFields()[field]!.type);
}

// The newest item of a COLLECT subquery, or null.
function newest(match: string, v: string, order: string, projection: string): string {
  return `head(COLLECT { ${match} WITH ${v} ORDER BY ${order} RETURN ${projection} AS item })`;
}

/** One row whose `result` is the list of the plan's commitments; no row when no plan has the id. */
export function compileCommitments(scope: CompileScope, plan: string, walk: WalkFilter): CompiledQuery<ResultRow> {
  const type = returnObjectType(scope.info);
  const c = scope.variable('c');
  const item = projectSelection(scope.info, type, rootSelections(scope.info), (field, nodes) => {
    const sets = subSelections(nodes);
    const e = scope.variable('e');
    const a = scope.variable('a');
    switch (field) {
      case 'entity':
        return projectEntity(scope, c, entityType(type, field), sets);
      case 'latestEvidence':
        return newest(
          evidenceOf(scope, c, e, walk),
          e,
          `${e}.date DESC, ${e}.id`,
          projectObject(scope, e, fieldObjectType(type, field), sets),
        );
      case 'latestAssessment':
        return newest(
          assessmentsOf(scope, c, a, walk),
          a,
          `${a}.asOf DESC, ${a}.id`,
          projectObject(scope, a, fieldObjectType(type, field), sets),
        );
      case 'evidenceCount':
        return `COUNT { ${evidenceOf(scope, c, e, walk)} }`;
      default:
        return undefined;
    }
  });
  const lines = [
    `MATCH (p:Plan {id: ${scope.param(plan)}})`,
    `CALL (p) { ${committedBy(scope, 'p', c, walk)} RETURN collect(${item}) AS result }`,
  ];
  return compiledQuery(lines, { result: 'result' }, scope.params);
}

/** One row (none when no commitment has the id) with the parts of the follow-through selected. */
export function compileFollowThrough(scope: CompileScope, id: string, walk: WalkFilter): CompiledQuery<ResultRow> {
  const type = returnObjectType(scope.info);
  const c = 'c';
  const list = (match: string, v: string, order: string, projection: string): string =>
    `COLLECT { ${match} WITH ${v} ORDER BY ${order} RETURN ${projection} AS item }`;
  const result = projectSelection(scope.info, type, rootSelections(scope.info), (field, nodes) => {
    const sets = subSelections(nodes);
    const x = scope.variable('x');
    const entity = (): string => projectEntity(scope, x, entityType(type, field), sets);
    const q = scope.variable('q');
    const l = scope.variable('l');
    // Revisions chain (a 2035 goal revising a 2030 one revising the Plan's 2025 one): walk them all,
    // nearest first. The depth is read by a nested subquery: an aggregate here would count as one of
    // the outer projection's.
    const revisions = (pattern: string): string => {
      const walked = `MATCH ${q} = ${pattern}${whereOf(`${x} <> ${c}`, allLinks(scope, `relationships(${q})`, walk))}`;
      return list(
        `${walked} WITH DISTINCT ${x} ` +
          `WITH ${x}, head(COLLECT { ${walked} RETURN length(${q}) AS depth ORDER BY depth LIMIT 1 }) AS depth`,
        `${x}, depth`,
        `depth, ${x}.id`,
        entity(),
      );
    };
    switch (field) {
      case 'commitment':
        return projectEntity(scope, c, entityType(type, field), sets);
      case 'plans':
        return list(
          `MATCH (${x}:Plan)-[${l}:${COMMITTING}]->(${c})${whereOf(linkPredicate(scope, l, walk))} WITH DISTINCT ${x}`,
          x,
          `${x}.id`,
          projectObject(scope, x, fieldObjectType(type, field), sets),
        );
      case 'evidence':
        return list(
          evidenceOf(scope, c, x, walk),
          x,
          `${x}.date, ${x}.id`,
          projectObject(scope, x, fieldObjectType(type, field), sets),
        );
      case 'assessments':
        return list(
          assessmentsOf(scope, c, x, walk),
          x,
          `${x}.asOf DESC, ${x}.id`,
          projectObject(scope, x, fieldObjectType(type, field), sets),
        );
      case 'revisedBy':
        return revisions(`(${x})-[:REVISES*1..]->(${c})`);
      case 'revises':
        return revisions(`(${c})-[:REVISES*1..]->(${x})`);
      case 'serves':
        return list(
          `MATCH (${c})-[${l}:SERVES]->(${x})${whereOf(linkPredicate(scope, l, walk))}`,
          x,
          `${x}.id`,
          entity(),
        );
      case 'laterPlans': {
        const p = scope.variable('p');
        return list(
          `MATCH (${p}:Plan)-[${l}:${COMMITTING}]->(${c})${whereOf(linkPredicate(scope, l, walk))} ` +
            `MATCH ${q} = (${x}:Plan)-[:CONTINUES|SUPERSEDES*1..]->(${p})${whereOf(allLinks(scope, `relationships(${q})`, walk))} ` +
            `WITH DISTINCT ${x}`,
          x,
          `${x}.periodStart, ${x}.id`,
          projectObject(scope, x, fieldObjectType(type, field), sets),
        );
      }
      default:
        return undefined;
    }
  });
  const lines = [`MATCH (${c}:Entity {id: ${scope.param(id)}}) WHERE ${isCommitment(c)}`];
  return compiledQuery(lines, { result }, scope.params);
}

/** One row (none when no plan has the id): the plan, its counts and the rows by kind and verdict. */
export function compileScorecard(scope: CompileScope, plan: string, walk: WalkFilter): CompiledQuery<ResultRow> {
  const type = returnObjectType(scope.info);
  const verdictType = scope.info.schema.getType('Verdict');
  if (!isEnumType(verdictType)) throw new InternalError('The schema has no enum Verdict');
  // Verdicts in the enum's order, commitments never assessed after them.
  const verdictOrder = scope.param(Object.fromEntries(verdictType.getValues().map((v, i) => [v.name, i])));
  const c = scope.variable('c');
  const a = scope.variable('a');
  const lines = [
    `MATCH (p:Plan {id: ${scope.param(plan)}})`,
    `CALL (p) { ${committedBy(scope, 'p', c, walk)} ` +
      `RETURN collect({kind: ${kindExpression(scope, c)}, order: ${kindOrder(scope, c)}, verdict: ` +
      `${newest(assessmentsOf(scope, c, a, walk), a, `${a}.asOf DESC, ${a}.id`, `${a}.verdict`)}}) AS scored }`,
  ];
  const result = projectSelection(scope.info, type, rootSelections(scope.info), (field, nodes) => {
    switch (field) {
      case 'plan':
        return projectObject(scope, 'p', fieldObjectType(type, field), subSelections(nodes));
      case 'commitments':
        return 'size(scored)';
      case 'assessed':
        return 'size([s IN scored WHERE s.verdict IS NOT NULL])';
      case 'rows': {
        const row = projectSelection(scope.info, fieldObjectType(type, field), subSelections(nodes), (part) =>
          part === 'kind' || part === 'verdict' || part === 'count' ? part : undefined,
        );
        lines.push(
          'CALL (scored) { UNWIND scored AS s ' +
            `WITH s.kind AS kind, s.order AS kindOrder, s.verdict AS verdict, count(*) AS count ` +
            `ORDER BY kindOrder, coalesce(${verdictOrder}[verdict], size(keys(${verdictOrder}))) ` +
            `RETURN collect(${row}) AS rows }`,
        );
        return 'rows';
      }
      default:
        return undefined;
    }
  });
  return compiledQuery(lines, { result }, scope.params);
}

/** Rows with a `result` column each: revisions of a goal to another target year, earliest target first. */
export function compileMovedGoals(scope: CompileScope, walk: WalkFilter): CompiledQuery<ResultRow> {
  const type = returnObjectType(scope.info);
  const result = projectSelection(
    scope.info,
    type,
    rootSelections(scope.info),
    (field, nodes: readonly FieldNode[]) => {
      switch (field) {
        case 'from':
        case 'to':
          return projectObject(scope, field === 'from' ? 'f' : 't', fieldObjectType(type, field), subSelections(nodes));
        case 'fromYear':
          return 'f.targetYear';
        case 'toYear':
          return 't.targetYear';
        case 'yearsMoved':
          return 't.targetYear - f.targetYear';
        case 'basis':
        case 'rationale':
          return `r.${field}`;
        case 'citations':
          return projectCitations(scope, 'r', nodes);
        case 'review':
          return reviewExpression('r');
        default:
          return undefined;
      }
    },
  );
  const lines = [
    `MATCH (t:Goal)-[r:REVISES]->(f:Goal)${whereOf('t.targetYear <> f.targetYear', linkPredicate(scope, 'r', walk))}`,
    'WITH f, t, r ORDER BY f.targetYear, f.id, t.targetYear, t.id',
  ];
  return compiledQuery(lines, { result }, scope.params);
}
