// What the timeline draws, read from the API: every plan's period and links, a page at a time (the
// server's own page size, so the page never asks for more than the API allows), then, for each plan
// drawn, what it committed to and the evidence bearing on its commitments and on the plan as a whole.
import { graphql } from '../explorer/api.js';

const PLAN_FIELDS =
  'id name periodStart periodEnd horizon issued level status continues { id } supersedes { id } serves { id }';
const EVIDENCE_FIELDS = 'evidence { id name date evidenceKind }';
// Pages fetched at once after the first: enough to hide the round trips, few enough not to crowd the server.
const PARALLEL_PAGES = 6;

/** Every plan with its period and its links to other plans, in the API's order (by id). */
export async function loadPlans() {
  const first = await graphql(`{ plansConnection { totalCount } plans(offset: 0) { ${PLAN_FIELDS} } }`);
  const total = first.plansConnection.totalCount;
  const pageSize = first.plans.length;
  const offsets = [];
  for (let offset = pageSize; pageSize > 0 && offset < total; offset += pageSize) offsets.push(offset);
  const pages = [first.plans];
  for (let i = 0; i < offsets.length; i += PARALLEL_PAGES) {
    const batch = offsets
      .slice(i, i + PARALLEL_PAGES)
      .map((offset) =>
        graphql(`query($offset: Int!) { plans(offset: $offset) { ${PLAN_FIELDS} } }`, { offset }).then((d) => d.plans),
      );
    pages.push(...(await Promise.all(batch)));
  }
  return pages.flat();
}

const COMMITMENTS = `query($plan: ID!) {
  commitments(plan: $plan) {
    entity {
      id kind name
      ... on Goal { targetYear ordinal revises { id } serves { id } ${EVIDENCE_FIELDS} }
      ... on Task { ${EVIDENCE_FIELDS} }
      ... on Platform { ${EVIDENCE_FIELDS} }
      ... on ActionPlan { ${EVIDENCE_FIELDS} }
      ... on Framework { ${EVIDENCE_FIELDS} }
    }
    evidenceCount
    latestAssessment { verdict asOf }
  }
  node(id: $plan) { ... on Plan { ${EVIDENCE_FIELDS} } }
}`;

/**
 * One plan's commitments in the API's order (kind, ordinal, id), each with its newest verdict, and the
 * evidence that bears on the plan: `evidence` maps each piece to the ids of the commitments (or the
 * plan) it bears on.
 */
export async function loadPlanDetails(planId) {
  const data = await graphql(COMMITMENTS, { plan: planId });
  const evidence = new Map();
  const note = (piece, on) => {
    if (!evidence.has(piece.id)) evidence.set(piece.id, { ...piece, on: [] });
    evidence.get(piece.id).on.push(on);
  };
  for (const c of data.commitments) for (const piece of c.entity.evidence ?? []) note(piece, c.entity.id);
  for (const piece of data.node?.evidence ?? []) note(piece, planId);
  return { commitments: data.commitments, evidence: [...evidence.values()] };
}
