// One commitment's follow-through as the API answers it (`followThrough`), with the rationale of each
// ASSESSES link where the commitment's kind has one (goals, tasks and platforms list their assessment
// links; action plans and frameworks do not), so the panel can say why an assessment is ours.
import { CITATION_FIELDS, graphql } from '../explorer/api.js';

const RATIONALES = 'assessmentsConnection { edges { rationale basis node { id } } }';

const FOLLOW_THROUGH = `query($id: ID!) {
  followThrough(id: $id) {
    commitment {
      id kind name summary ${CITATION_FIELDS}
      ... on Goal { targetYear ${RATIONALES} }
      ... on Task { ${RATIONALES} }
      ... on Platform { ${RATIONALES} }
    }
    plans { id name periodStart periodEnd }
    evidence { id name date evidenceKind corroborated ${CITATION_FIELDS} }
    assessments { id name summary verdict asOf ${CITATION_FIELDS} evidence { id name date } }
    revisedBy { id kind name ... on Goal { targetYear } }
    revises { id kind name ... on Goal { targetYear } }
    serves { id kind name }
    laterPlans { id name periodStart periodEnd }
  }
}`;

/**
 * The follow-through of commitment `id`; each assessment carries `link`, its ASSESSES link's rationale
 * and basis, or null where the commitment's kind lists no links.
 */
export async function loadFollowThrough(id) {
  const { followThrough: f } = await graphql(FOLLOW_THROUGH, { id });
  const links = new Map((f.commitment.assessmentsConnection?.edges ?? []).map((e) => [e.node.id, e]));
  return { ...f, assessments: f.assessments.map((a) => ({ ...a, link: links.get(a.id) ?? null })) };
}
