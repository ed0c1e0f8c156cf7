/** The hand-written statements a floor server serves, by workload name. */
import { SIZES } from '../../src/synthetic/generateLibrary';
import { PLAN_MIX } from '../load/planMix';
import { workload, workloadIds } from './workload';

/** A statement with its parameters. */
export interface Statement {
  cypher: string;
  params: Record<string, unknown>;
}

/** `bench-SIZE`: the benchmark's workload over a library of that size; `plan-mix`: the load test's mix. */
export function floorStatements(name: string): Statement[] {
  if (name === 'plan-mix') return PLAN_MIX.map((q) => q.floor);
  const size = /^bench-(\w+)$/.exec(name)?.[1];
  const shape = size === undefined ? undefined : SIZES[size as keyof typeof SIZES];
  if (!shape) throw new Error(`no floor workload called ${name}`);
  return workload(workloadIds(shape)).map((c) => c.floor);
}
