// Verdicts of assessments in words, as the schema's Verdict enum defines them.

const VERDICTS = {
  DELIVERED: 'delivered',
  UNDER_WAY: 'under way',
  CHANGED: 'changed',
  SUPERSEDED: 'superseded',
  NO_EVIDENCE_FOUND: 'no evidence found',
};

/** A verdict in words; a verdict this page does not know yet is shown as the API names it. */
export function verdictText(verdict) {
  return VERDICTS[verdict] ?? verdict.toLowerCase().replace(/_/g, ' ');
}
