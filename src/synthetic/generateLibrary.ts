/**
 * Synthetic plan libraries for benchmarks: many plans shaped like the Zhongguancun Plan (stage and
 * specific goals, key tasks), all drawing on one shared namespace of industries and platforms. Tasks
 * pick industries and platforms with a skewed distribution, so a few become hubs with thousands of
 * links: the case that breaks naive traversals. Deterministic for a given seed.
 */
import type { DatasetNode, DatasetRelationship, PlanDataset } from '../dataset/PlanDataset';
import { sha256Of } from '../provenance/SourceText';

/** How big a library to make. */
export interface LibraryShape {
  plans: number;
  industries: number;
  platforms: number;
  tasksPerPlan: number;
  industriesPerTask: number;
  platformsPerTask: number;
  /** Plans per dataset (one namespace and one load transaction each). */
  plansPerFile: number;
  seed: number;
}

/** Named sizes; `xl` is about 100,000 nodes and 1,000,000 relationships. */
export const SIZES: Readonly<Record<'small' | 'medium' | 'large' | 'xl', LibraryShape>> = {
  small: {
    plans: 50,
    industries: 200,
    platforms: 50,
    tasksPerPlan: 10,
    industriesPerTask: 10,
    platformsPerTask: 4,
    plansPerFile: 50,
    seed: 1,
  },
  medium: {
    plans: 500,
    industries: 1000,
    platforms: 200,
    tasksPerPlan: 10,
    industriesPerTask: 10,
    platformsPerTask: 4,
    plansPerFile: 100,
    seed: 1,
  },
  large: {
    plans: 2000,
    industries: 2000,
    platforms: 500,
    tasksPerPlan: 10,
    industriesPerTask: 10,
    platformsPerTask: 4,
    plansPerFile: 100,
    seed: 1,
  },
  xl: {
    plans: 5650,
    industries: 2500,
    platforms: 500,
    tasksPerPlan: 10,
    industriesPerTask: 10,
    platformsPerTask: 4,
    plansPerFile: 100,
    seed: 1,
  },
};

/** The namespace of the shared industries and platforms. */
export const SHARED_NAMESPACE = 'shared';
const INDUSTRIES_PER_SYSTEM = 25;

/** mulberry32: a small, fast, seedable PRNG, so runs are repeatable. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks `count` distinct indexes below `n`, low indexes far more often (cube of a uniform draw). */
function skewedPicks(rand: () => number, n: number, count: number): number[] {
  const picked = new Set<number>();
  while (picked.size < Math.min(count, n)) picked.add(Math.floor(n * rand() ** 3));
  return [...picked];
}

const industryId = (i: number): string => `industry-${i}`;
const SOURCE_ID = 'synthetic-source';
// Every synthetic claim cites the first character of the synthetic source, which has no text to show.
const CITED = [{ source: `${SHARED_NAMESPACE}:${SOURCE_ID}`, paragraph: 1, start: 0, end: 1 }];
const SOURCE_TEXT = 'Synthetic library: generated, not taken from any document.';
const platformId = (i: number): string => `platform-${i}`;

/** The shared industries (grouped under systems by PART_OF) and platforms. */
export function sharedDataset(shape: LibraryShape): PlanDataset {
  const nodes: DatasetNode[] = [];
  const relationships: DatasetRelationship[] = [];
  const systems = Math.ceil(shape.industries / INDUSTRIES_PER_SYSTEM);
  nodes.push({
    id: SOURCE_ID,
    label: 'Source',
    name: 'Synthetic source',
    summary: 'Stands in for the documents a real library would cite.',
    citations: CITED,
    language: 'en',
    sha256: sha256Of(Buffer.from(SOURCE_TEXT)),
  });
  for (let s = 0; s < systems; s++) {
    nodes.push({
      id: `system-${s}`,
      label: 'Framework',
      name: `Industry system ${s}`,
      summary: `Synthetic industry framework number ${s}.`,
      citations: CITED,
    });
  }
  for (let i = 0; i < shape.industries; i++) {
    nodes.push({
      id: industryId(i),
      label: 'Industry',
      name: `Industry ${i}`,
      summary: `Synthetic industry ${i}, member of system ${i % systems}.`,
      citations: CITED,
      tier: i % 3 === 0 ? 'LEADING' : 'KEY',
    });
    relationships.push({
      type: 'PART_OF',
      from: industryId(i),
      to: `system-${i % systems}`,
      basis: 'STATED',
      citations: CITED,
    });
  }
  for (let p = 0; p < shape.platforms; p++) {
    nodes.push({
      id: platformId(p),
      label: 'Platform',
      name: `Platform ${p}`,
      summary: `Synthetic cooperation platform ${p}.`,
      citations: CITED,
      platformKind: 'OTHER',
    });
  }
  return { namespace: SHARED_NAMESPACE, title: 'Shared industries and platforms', nodes, relationships };
}

/** The plans, `plansPerFile` to a dataset, each dataset its own namespace (`lib-00000`, ...). */
export function* planDatasets(shape: LibraryShape): Generator<PlanDataset> {
  const rand = random(shape.seed);
  for (let first = 0; first < shape.plans; first += shape.plansPerFile) {
    const nodes: DatasetNode[] = [];
    const relationships: DatasetRelationship[] = [];
    const last = Math.min(first + shape.plansPerFile, shape.plans);
    for (let p = first; p < last; p++) {
      const plan = `plan-${p}`;
      nodes.push({
        id: plan,
        label: 'Plan',
        name: `Synthetic plan ${p}`,
        summary: `Development plan number ${p} of the synthetic library.`,
        citations: CITED,
        zone: `Zone ${p % 97}`,
        periodStart: 2021,
        periodEnd: 2025,
        horizon: 2035,
      });
      const goals = [`${plan}-goal-2025`, `${plan}-goal-2035`, ...[1, 2, 3, 4, 5].map((k) => `${plan}-goal-s${k}`)];
      goals.forEach((goal, k) => {
        const stage = k < 2;
        nodes.push({
          id: goal,
          label: 'Goal',
          name: `Plan ${p} ${stage ? `stage goal ${k === 0 ? 2025 : 2035}` : `specific goal ${k - 1}`}`,
          summary: `Goal ${k} of synthetic plan ${p}.`,
          citations: CITED,
          goalKind: stage ? 'STAGE' : 'SPECIFIC',
          targetYear: k === 1 ? 2035 : 2025,
          ordinal: stage ? k + 1 : k - 1,
        });
        relationships.push({ type: 'SETS', from: plan, to: goal, basis: 'STATED', citations: CITED });
        if (!stage)
          relationships.push({ type: 'DETAILS', from: goal, to: goals[0]!, basis: 'STATED', citations: CITED });
      });
      relationships.push({ type: 'LEADS_TO', from: goals[0]!, to: goals[1]!, basis: 'STATED', citations: CITED });
      for (let t = 0; t < shape.tasksPerPlan; t++) {
        const task = `${plan}-task-${t}`;
        nodes.push({
          id: task,
          label: 'Task',
          name: `Plan ${p} task ${t + 1}`,
          summary: `Key task ${t + 1} of synthetic plan ${p}.`,
          citations: CITED,
          ordinal: t + 1,
        });
        relationships.push({ type: 'DEPLOYS', from: plan, to: task, basis: 'STATED', citations: CITED });
        for (const g of new Set([2 + (t % 5), rand() < 0.5 ? 2 + Math.floor(rand() * 5) : 2 + (t % 5)])) {
          relationships.push({
            type: 'ADVANCES',
            from: task,
            to: goals[g]!,
            basis: 'INFERRED',
            rationale: 'Synthetic link.',
            citations: CITED,
          });
        }
        for (const i of skewedPicks(rand, shape.industries, shape.industriesPerTask)) {
          const stated = rand() < 0.7;
          relationships.push({
            type: 'DEVELOPS',
            from: task,
            to: `${SHARED_NAMESPACE}:${industryId(i)}`,
            basis: stated ? 'STATED' : 'INFERRED',
            ...(stated ? {} : { rationale: 'Synthetic link.' }),
            citations: CITED,
          });
        }
        for (const i of skewedPicks(rand, shape.platforms, shape.platformsPerTask)) {
          relationships.push({
            type: 'BUILDS',
            from: task,
            to: `${SHARED_NAMESPACE}:${platformId(i)}`,
            basis: 'STATED',
            citations: CITED,
          });
        }
      }
    }
    yield {
      namespace: `lib-${String(first / shape.plansPerFile).padStart(5, '0')}`,
      title: `Synthetic plans ${first}-${last - 1}`,
      nodes,
      relationships,
    };
  }
}

/** Node and relationship counts of a library, without building it. */
export function sizeOf(shape: LibraryShape): { nodes: number; relationships: number } {
  let nodes = 1 + Math.ceil(shape.industries / INDUSTRIES_PER_SYSTEM) + shape.industries + shape.platforms;
  let relationships = shape.industries;
  for (const dataset of planDatasets(shape)) {
    nodes += dataset.nodes.length;
    relationships += dataset.relationships.length;
  }
  return { nodes, relationships };
}
