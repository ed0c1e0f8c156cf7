// Everything the comparison draws, asked once per page: the plans with their goals and tasks, the goals
// whose target year moved, and the graph's links, from which the links between two plans' columns are
// picked. Choosing other plans redraws from what was loaded, without asking again.
import { graphql } from '../explorer/api.js';
import { SETTINGS } from '../explorer/settings.js';

const PLAN_FIELDS = `id name periodStart periodEnd horizon issued level status issuers
  continues { id } supersedes { id }
  goals { id kind name targetYear }
  tasks { id kind name }`;

/** Plans, moved goals and links, in one request. */
export async function loadComparison() {
  return graphql(
    `query Comparison($limit: Int!) {
      plans(limit: $limit) { ${PLAN_FIELDS} }
      movedGoals { from { id name } to { id name } fromYear toYear basis rationale }
      graph(limit: $limit) { truncated edges { id type source target basis rationale } }
    }`,
    { limit: SETTINGS.requestLimit },
  );
}

/** The ids a plan's column shows: the plan (its heading) and its goals and tasks. */
export function columnIds(plan) {
  return new Set([plan.id, ...plan.goals.map((g) => g.id), ...plan.tasks.map((t) => t.id)]);
}

/** The links with one end in each column, in the order the graph gives them, each told which side it starts on. */
export function linksBetween(edges, left, right) {
  const [l, r] = [columnIds(left), columnIds(right)];
  return edges
    .filter((e) => (l.has(e.source) && r.has(e.target)) || (r.has(e.source) && l.has(e.target)))
    .map((e) => ({ ...e, from: l.has(e.source) ? 'left' : 'right' }));
}

/** The goal moves that involve a goal of either column, by the goal's id: the moves it starts or ends. */
export function movesByGoal(moves, left, right) {
  const shown = new Set([...left.goals, ...right.goals].map((g) => g.id));
  const byGoal = new Map();
  for (const move of moves)
    for (const id of [move.from.id, move.to.id]) if (shown.has(id)) byGoal.set(id, [...(byGoal.get(id) ?? []), move]);
  return byGoal;
}
