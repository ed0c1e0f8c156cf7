/**
 * When each node and link of an export is on the timeline, for formats that carry time (GEXF's dynamic
 * mode, which Gephi's timeline plays). Dates are days (YYYY-MM-DD), both ends inclusive; an open end
 * means "from always" or "for ever". The rules, chosen so that playing the timeline shows the plans
 * coming into and going out of force and their follow-through piling up:
 *
 * - A date names a period (a year, a month or a day) and a thing dated by it starts on the period's
 *   first day: evidence dated "2023" appears on 2023-01-01, as the timeline page draws it.
 * - A plan is in force over its period: from the first day of `periodStart` to the last day of
 *   `periodEnd`. Without a `periodStart` it starts at its `issued` date; without a `periodEnd` it has
 *   no end. `horizon` is a look-ahead, not a time in force, and changes nothing.
 * - A commitment (a goal a plan sets, a task it deploys, a platform or framework it proposes, an action
 *   plan it calls for: `COMMITMENTS`) starts with the earliest plan that commits to it, and has no
 *   end. It stays after its target year and after its plan's period because that is when follow-through
 *   is read: an assessment of a 2025 goal dated 2026 must still find the goal on the timeline.
 * - Evidence starts at its `date`, an assessment at its `asOf`, a source at its `date`; none ends, since
 *   what happened or was said stays on the record. A source dated without a year (--MM-DD) is undated.
 * - Every other node (areas, industries, fields, technologies, aims, ...) exists apart from any plan
 *   and is open at both ends: always there, so a plan's links to them appear with the plan.
 * - A link exists while both its ends do: from the later of their starts to the earlier of their ends.
 *   When the ends never coexist (a plan continuing one whose period ended before it began, a report
 *   dated after a plan's period) the link is the one day the later end starts: the moment it was made.
 *
 * A node's lifetime is a property of the data, not of the selection: a commitment starts with its plan
 * even when the export leaves the plan out.
 */
import { kindOfLabel } from '../compiler/project';

/** When a node or link is on the timeline: days, both inclusive; null is open. */
export interface Lifetime {
  start: string | null;
  end: string | null;
}

/** A plan's dates: its period in years and its issue date (ISO 8601, as precise as a source is). */
export interface PlanDates {
  periodStart: number | null;
  periodEnd: number | null;
  issued: string | null;
}

/** The dates a node's lifetime comes from besides its own `date`, as read for an export. */
export interface NodeDates {
  /** The node's own period, when it is a plan. */
  plan: PlanDates | null;
  /** The plans that commit to the node, when it is a commitment. */
  committedBy: readonly PlanDates[];
}

/** The lifetimes of an export's nodes and links, by id. */
export interface ExportLifetimes {
  nodes: ReadonlyMap<string, Lifetime>;
  edges: ReadonlyMap<string, Lifetime>;
}

/** What a node's lifetime reads of the node itself. */
interface DatedNode {
  id: string;
  kind: string;
  /** Its own date (an evidence's date, an assessment's asOf, a source's date, a plan's issue date). */
  date: string | null;
}

const OPEN: Lifetime = { start: null, end: null };

/** The kinds whose own `date` starts them (evidence, assessments, sources); a plan's is its issue date. */
const DATED_KINDS: ReadonlySet<string> = new Set([
  kindOfLabel('Evidence'),
  kindOfLabel('Assessment'),
  kindOfLabel('Source'),
]);

/** The first day of the period an ISO 8601 date names; null for a date of another form (`--11-29`). */
export function firstDay(date: string): string | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  return m ? `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}` : null;
}

/** When a plan is in force, by the rules above. */
export function planLifetime(plan: PlanDates): Lifetime {
  return {
    start:
      plan.periodStart !== null
        ? `${pad(plan.periodStart)}-01-01`
        : plan.issued === null
          ? null
          : firstDay(plan.issued),
    end: plan.periodEnd !== null ? `${pad(plan.periodEnd)}-12-31` : null,
  };
}

/** A node's lifetime from its kind, its `date` and `dates` (its period, the plans committing to it). */
export function nodeLifetime(node: Omit<DatedNode, 'id'>, dates: NodeDates | undefined): Lifetime {
  if (dates?.plan) return planLifetime(dates.plan);
  if (DATED_KINDS.has(node.kind)) return { start: node.date === null ? null : firstDay(node.date), end: null };
  const starts = (dates?.committedBy ?? []).map((p) => planLifetime(p).start);
  // A commitment of a plan with no known start is open too: the earliest of "always" is always.
  if (starts.length === 0 || starts.includes(null)) return OPEN;
  return { start: (starts as string[]).reduce((a, b) => (b < a ? b : a)), end: null };
}

/** A link's lifetime from its ends': while both exist, or the day the later starts when they never do. */
export function edgeLifetime(source: Lifetime, target: Lifetime): Lifetime {
  const start = later(source.start, target.start);
  const end = earlier(source.end, target.end);
  if (start !== null && end !== null && start > end) return { start, end: start };
  return { start, end };
}

/** The lifetime of every node and link of an export; `dates` holds what was read for the nodes. */
export function exportLifetimes(
  graph: { nodes: readonly DatedNode[]; edges: readonly { id: string; source: string; target: string }[] },
  dates: ReadonlyMap<string, NodeDates>,
): ExportLifetimes {
  const nodes = new Map(graph.nodes.map((n) => [n.id, nodeLifetime(n, dates.get(n.id))]));
  const edges = new Map(
    graph.edges.map((e) => [e.id, edgeLifetime(nodes.get(e.source) ?? OPEN, nodes.get(e.target) ?? OPEN)]),
  );
  return { nodes, edges };
}

/** True when some node or link has a start or an end: the export then has time to play. */
export function hasTime(lifetimes: ExportLifetimes | undefined): boolean {
  if (!lifetimes) return false;
  const bounded = (l: Lifetime): boolean => l.start !== null || l.end !== null;
  return [...lifetimes.nodes.values()].some(bounded) || [...lifetimes.edges.values()].some(bounded);
}

// ISO 8601 days compare as strings; null is open, so it loses to any day on its side.
function later(a: string | null, b: string | null): string | null {
  return a === null ? b : b === null ? a : a > b ? a : b;
}

function earlier(a: string | null, b: string | null): string | null {
  return a === null ? b : b === null ? a : a < b ? a : b;
}

// A year of four digits, as xsd:date needs (years 0-999 do not occur in plans, but stay well-formed).
function pad(year: number): string {
  return String(year).padStart(4, '0');
}
