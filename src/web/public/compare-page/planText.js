// How a plan's period and standing read in words, for the comparison's headings and the choosers.

const title = (value) => value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, ' ');

/** "2021–2025", with the horizon when the plan looks further: "2021–2025, horizon 2035". */
export function periodText(plan) {
  const period = plan.periodStart === plan.periodEnd ? `${plan.periodStart}` : `${plan.periodStart}–${plan.periodEnd}`;
  return plan.horizon ? `${period}, horizon ${plan.horizon}` : period;
}

/** The plan's level and status in words: "Zone plan, expired". */
export function standingText(plan) {
  return `${title(plan.level)} plan, ${title(plan.status).toLowerCase()}`;
}
