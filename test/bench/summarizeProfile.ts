/**
 * A V8 CPU profile (`.cpuprofile`) shared out per request: the time spent in each package, folder of
 * this project or part of Node, and in each function, divided by the requests served while it ran.
 */

/** The part of a `.cpuprofile` read here. */
export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** One line of a summary: where the time went and how much of it per request. */
export interface CostLine {
  name: string;
  microsPerRequest: number;
  share: number;
}

/** A profile's busy time per request, by where it was spent. */
export interface ProfileSummary {
  requests: number;
  /** CPU time per request in microseconds, idle excluded. */
  busyMicrosPerRequest: number;
  byPart: CostLine[];
  byFunction: CostLine[];
}

/**
 * Where a frame's code lives: a package (`graphql`, `@apollo/server`), a folder of this project
 * (`src/compiler`), a part of Node (`node:net`), or V8's own buckets (`(garbage collector)`).
 */
export function partOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (inPackage) return inPackage[1]!;
  const ours = /\/(src|test)\/([^/]+)\//.exec(url);
  if (ours) return `${ours[1]}/${ours[2]}`;
  const internal = /^node:(?:internal\/)?([^/]+)/.exec(url);
  if (internal) return `node:${internal[1]!.replace(/\.js$/, '')}`;
  return url;
}

const lines = (micros: Map<string, number>, requests: number, busy: number, top: number): CostLine[] =>
  [...micros]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, us]) => ({ name, microsPerRequest: us / requests, share: us / busy }));

/** The profile's self time per request, by part and by function (the `top` largest of each). */
export function summarizeProfile(profile: CpuProfile, requests: number, top = 15): ProfileSummary {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const byPart = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let busy = 0;
  // A sample's time is the gap to the next one, as DevTools counts it; the last runs to the end.
  for (let i = 0; i < profile.samples.length; i++) {
    const frame = nodes.get(profile.samples[i]!)!;
    const us = i + 1 < profile.timeDeltas.length ? profile.timeDeltas[i + 1]! : 0;
    if (frame.functionName === '(idle)') continue;
    busy += us;
    const part = partOf(frame.url, frame.functionName);
    byPart.set(part, (byPart.get(part) ?? 0) + us);
    const where = frame.url === '' ? part : `${frame.functionName || '(anonymous)'} (${part})`;
    byFunction.set(where, (byFunction.get(where) ?? 0) + us);
  }
  return {
    requests,
    busyMicrosPerRequest: busy / requests,
    byPart: lines(byPart, requests, busy, top),
    byFunction: lines(byFunction, requests, busy, top),
  };
}
