// How each kind of entity and each kind of link is told apart: by shape and dash as well as by colour,
// and in which column of the layered layout it stands (the Plan, then goals, tasks, what tasks develop).

/** Entity kinds, as the API names them, with their drawing and their column in the layered layout. */
export const KINDS = {
  PLAN: { color: '#374151', shape: 'rhomboid', label: 'Plan', column: 0, plural: 'plans' },
  AIM: { color: '#be123c', shape: 'pentagon', label: 'Aim', column: 1, plural: 'aims' },
  GOAL: { color: '#dc2626', shape: 'star', label: 'Goal', column: 1, plural: 'goals' },
  TASK: { color: '#2563eb', shape: 'round-rectangle', label: 'Task', column: 2, plural: 'tasks' },
  INDUSTRY: { color: '#15803d', shape: 'ellipse', label: 'Industry', column: 3, plural: 'industries' },
  PLATFORM: { color: '#9333ea', shape: 'diamond', label: 'Platform', column: 3, plural: 'platforms' },
  FRAMEWORK: { color: '#166534', shape: 'barrel', label: 'Framework', column: 3, plural: 'frameworks' },
  AREA: { color: '#b45309', shape: 'hexagon', label: 'Area', column: 3, plural: 'areas' },
  ACTION_PLAN: { color: '#0e7490', shape: 'tag', label: 'Action plan', column: 3, plural: 'actionPlans' },
  FIELD: { color: '#0f766e', shape: 'octagon', label: 'Field', column: 3, plural: 'fields' },
  TECHNOLOGY: { color: '#4f46e5', shape: 'triangle', label: 'Technology', column: 3, plural: 'technologies' },
  BUSINESS_FORM: { color: '#4d7c0f', shape: 'vee', label: 'Business form', column: 3, plural: 'businessForms' },
  EVIDENCE: { color: '#a16207', shape: 'round-triangle', label: 'Evidence', column: 4, plural: 'evidence' },
  ASSESSMENT: { color: '#be185d', shape: 'round-diamond', label: 'Assessment', column: 4, plural: 'assessments' },
  SOURCE: { color: '#6b7280', shape: 'rectangle', label: 'Source', column: 5, plural: 'sources' },
};

/** Industry tiers as the schema lists them (filled in from the API when the library loads), name -> label. */
export const TIERS = {};

/** Records the tiers the schema's IndustryTier enum lists, in its order. */
export function setTiers(names) {
  for (const name of names) TIERS[name] = name.charAt(0) + name.slice(1).toLowerCase().replace(/_/g, ' ');
}

/** Link bases: what the source states, and what we inferred (drawn dashed). */
export const BASES = { STATED: 'Stated by the source', INFERRED: 'Inferred by us' };

/** Review statuses of links (loaded links start accepted); disputed links are drawn dotted. */
export const REVIEW_STATUSES = { ACCEPTED: 'Accepted', PROPOSED: 'Proposed', DISPUTED: 'Disputed' };

/** The kind's drawing, or a neutral one for a kind this page does not know yet. */
export function kindOf(kind) {
  return KINDS[kind] ?? { color: '#6b7280', shape: 'rectangle', label: kind, column: 4, plural: kind };
}
