/**
 * combineParts against a plain reference: fast-check generates neighbourhoods (overlapping node sets
 * with edges among each), a node filter and a cap; the union, the nodes kept, the edges kept and the
 * truncation flag must agree with sets computed the obvious way. Seeded: a failure prints its case and
 * fails again with the same seed.
 */
import fc from 'fast-check';
import { combineParts, type ExportPart } from '../../src/export/combineParts';
import { keepsNode, type NodeFilter } from '../../src/export/NodeFilter';

interface N {
  id: string;
  kind: string;
  namespace: string;
  tier: string | null;
}
interface E {
  id: string;
  source: string;
  target: string;
}

const KINDS = ['GOAL', 'TASK', 'INDUSTRY'];
const TIERS = ['LEADING', 'KEY'];
const NAMESPACES = ['a', 'b'];
// A pool of nodes, fixed by their number, so parts overlap.
const POOL: N[] = Array.from({ length: 12 }, (_, i) => {
  const kind = KINDS[i % 3]!;
  return { id: `n${i}`, kind, namespace: NAMESPACES[i % 2]!, tier: kind === 'INDUSTRY' ? TIERS[(i >> 1) % 2]! : null };
});

const part: fc.Arbitrary<ExportPart<N, E>> = fc
  .tuple(fc.uniqueArray(fc.constantFrom(...POOL), { minLength: 1, selector: (n) => n.id }), fc.boolean())
  .chain(([nodes, truncated]) =>
    fc
      .uniqueArray(fc.tuple(fc.constantFrom(...nodes), fc.constantFrom(...nodes)), {
        selector: ([s, t]) => `${s.id}|${t.id}`,
      })
      .map((pairs) => ({
        nodes,
        edges: pairs.map(([s, t]) => ({ id: `${s.id}|${t.id}`, source: s.id, target: t.id })),
        truncated,
      })),
  );
const filter: fc.Arbitrary<NodeFilter> = fc.record(
  {
    kinds: fc.subarray(KINDS, { minLength: 1 }),
    tiers: fc.subarray(TIERS, { minLength: 1 }),
    namespaces: fc.subarray(NAMESPACES, { minLength: 1 }),
  },
  { requiredKeys: [] },
);

const RUNS = { seed: 11, numRuns: 500 };

describe('combineParts', () => {
  it('unites, filters and caps as the reference does', () => {
    fc.assert(
      fc.property(
        fc.array(part, { minLength: 1, maxLength: 4 }),
        filter,
        fc.integer({ min: 1, max: 14 }),
        (parts, f, maxNodes) => {
          const result = combineParts({ parts, filter: f, maxNodes });
          const union = new Map(parts.flatMap((p) => p.nodes).map((n) => [n.id, n]));
          const kept = [...union.values()].filter((n) => keepsNode(f, n)).map((n) => n.id);
          const ids = result.nodes.map((n) => n.id);
          expect(new Set(ids).size).toBe(ids.length);
          expect(ids.length).toBe(Math.min(maxNodes, kept.length));
          expect(kept).toEqual(expect.arrayContaining(ids));
          expect(result.truncated).toBe(parts.some((p) => p.truncated) || kept.length > maxNodes);
          // Every focus (first of its part) that the filter keeps comes before any other node.
          const foci = [
            ...new Set(
              parts
                .map((p) => p.nodes[0]!)
                .filter((n) => keepsNode(f, n))
                .map((n) => n.id),
            ),
          ];
          expect(ids.slice(0, foci.length)).toEqual(foci.slice(0, maxNodes));
          const inside = new Set(ids);
          const expectedEdges = new Set(
            parts
              .flatMap((p) => p.edges)
              .filter((e) => inside.has(e.source) && inside.has(e.target))
              .map((e) => e.id),
          );
          expect(result.edges.map((e) => e.id).sort()).toEqual([...expectedEdges].sort());
        },
      ),
      RUNS,
    );
  });

  it('leaves one part as it is when nothing is cut', () => {
    const nodes = POOL.slice(0, 5);
    const edges = [{ id: 'n3|n1', source: 'n3', target: 'n1' }];
    expect(combineParts({ parts: [{ nodes, edges, truncated: false }], filter: {}, maxNodes: 5 })).toEqual({
      nodes,
      edges,
      truncated: false,
    });
  });

  it('keeps a non-industry whatever the tiers, and an industry only of those tiers', () => {
    const goal = { kind: 'GOAL', namespace: 'a', tier: null };
    const industry = { kind: 'INDUSTRY', namespace: 'a', tier: 'LEADING' };
    expect(keepsNode({ tiers: ['KEY'] }, goal)).toBe(true);
    expect(keepsNode({ tiers: ['KEY'] }, industry)).toBe(false);
    expect(keepsNode({ tiers: ['LEADING'] }, industry)).toBe(true);
  });
});
