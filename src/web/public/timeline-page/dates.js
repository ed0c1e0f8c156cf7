// Dates as the data writes them (YYYY, YYYY-MM or YYYY-MM-DD) turned into places on a time axis counted
// in years. A date names a period (a year, a month or a day) and stands at the start of it, so that a
// figure for "2024" is never drawn as if it were known to the day, and a month never spills into the next.

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * The period `text` names: its precision ("year", "month" or "day"), its parts, and `at`, the fractional
 * year where it starts (2024.0 for 2024, for 2024-01 and for 2024-01-01); null for a date of another form.
 */
export function datePlace(text) {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text ?? '');
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : 1;
  const day = m[3] ? Number(m[3]) : 1;
  const start = Date.UTC(year, 0, 1);
  const at = year + (Date.UTC(year, month - 1, day) - start) / (Date.UTC(year + 1, 0, 1) - start);
  return { precision: m[3] ? 'day' : m[2] ? 'month' : 'year', year, month, day, at };
}

/** Where a date is drawn, in words: "on 25 April 2024", "at the start of May 2024 (the date names a month)". */
export function placeText(text) {
  const p = datePlace(text);
  if (!p) return `at no place (the date ${text} has an unknown form)`;
  if (p.precision === 'day') return `on ${p.day} ${MONTHS[p.month - 1]} ${p.year}`;
  if (p.precision === 'month') return `at the start of ${MONTHS[p.month - 1]} ${p.year} (the date names a month)`;
  return `at the start of ${p.year} (the date names a year)`;
}
