// What the report prints, asked of the API: the plans (for the chooser and the heading), the plan's
// scorecard and commitments in one request, then each commitment's follow-through, a few at a time
// so that a plan with many commitments does not flood the server.
import { CITATION_FIELDS, graphql } from '../explorer/api.js';

/** Citation fields with what a printed reference needs of its source: its title and where it is published. */
export const REPORT_CITATION_FIELDS = CITATION_FIELDS.replace('source { id name }', 'source { id name title url }');

// Follow-through requests in flight at once.
const PARALLEL = 4;

/** The plans a report can be made of, and the verdicts with their meaning, in the schema's order. */
export async function loadPlans() {
  const data = await graphql(`
    {
      plans {
        id
        name
        periodStart
        periodEnd
        horizon
        issued
        level
        status
        issuers
      }
      verdicts: __type(name: "Verdict") {
        enumValues {
          name
          description
        }
      }
    }
  `);
  return { plans: data.plans, verdicts: data.verdicts.enumValues };
}

/** The plan's scorecard and its commitments, in the order `commitments` gives them. */
export async function loadCommitments(planId) {
  return graphql(
    `
      query Commitments($plan: ID!) {
        scorecard(plan: $plan) {
          commitments
          assessed
          rows {
            kind
            verdict
            count
          }
        }
        commitments(plan: $plan) {
          entity {
            id
          }
        }
      }
    `,
    { plan: planId },
  );
}

const FOLLOW_THROUGH = `query FollowThrough($id: ID!) {
  followThrough(id: $id) {
    commitment { id kind name summary ${REPORT_CITATION_FIELDS} }
    evidence { id name date evidenceKind publishers corroborated summary ${REPORT_CITATION_FIELDS} }
    assessments { id verdict asOf summary ${REPORT_CITATION_FIELDS} }
  }
  assessing: neighborhood(id: $id, depth: 1, relationTypes: [ASSESSES]) { edges { source target rationale } }
}`;

/**
 * One commitment's follow-through: the commitment, its evidence oldest first, its newest assessment
 * (or null) and the rationale of the link by which that assessment assesses it.
 */
export async function loadFollowThrough(id) {
  const data = await graphql(FOLLOW_THROUGH, { id });
  const { commitment, evidence, assessments } = data.followThrough;
  const latest = assessments[0] ?? null;
  const link = latest && data.assessing.edges.find((e) => e.source === latest.id && e.target === id);
  return { commitment, evidence, latest, rationale: link?.rationale ?? null };
}

/** Runs `load` on every item, at most PARALLEL at a time; the results keep the items' order. */
export async function inTurn(items, load) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await load(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, worker));
  return results;
}
