// Verdicts in words. Their order and meaning come from the schema (see loadPlans); a commitment with no
// assessment reads "Not assessed".

/** "UNDER_WAY" -> "Under way"; null (no assessment) -> "Not assessed". */
export function verdictText(verdict) {
  if (verdict === null) return 'Not assessed';
  return verdict.charAt(0) + verdict.slice(1).toLowerCase().replace(/_/g, ' ');
}
