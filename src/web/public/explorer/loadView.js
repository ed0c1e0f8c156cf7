// Fetches what a view draws, never asking the server for more nodes in one request than the configured
// request limit: the whole graph when the library is small enough to draw, an overview when it is not,
// or the neighbourhoods of the focused entities, one request each, until the drawing limit is reached.
import { EDGE_FIELDS, NODE_FIELDS, graphql } from './api.js';
import { KINDS, setTiers } from './kinds.js';

/** How many of the most connected entities the overview draws. */
export const OVERVIEW_ENTITIES = 25;

// An entity's fields as the page draws them; `tier` exists on industries only, and `date` and `verdict`
// are read as a GraphNode's (the overview's entities are drawn without them).
const ENTITY_FIELDS = NODE_FIELDS.replace(' tier date verdict ', ' ... on Industry { tier } ');
const PLAN_FIELDS = NODE_FIELDS.replace(' tier date verdict ', ' ');
const asNode = (entity) => ({ tier: null, date: null, verdict: null, ...entity });

/**
 * The library at a glance, in one request: entities per kind and namespace, the plans, and the most
 * connected entities. Decides whether the whole graph can be drawn.
 */
export async function loadLibrary(settings) {
  const counts = Object.entries(KINDS)
    .map(([kind, k]) => `${kind}: ${k.plural}CountBy(by: NAMESPACE, limit: $limit) { key count }`)
    .join('\n');
  const data = await graphql(
    `query Library($limit: Int!, $top: Int!) {
      ${counts}
      plans(limit: $limit) { ${PLAN_FIELDS} }
      mostConnected(limit: $top) { degree entity { ${ENTITY_FIELDS} } }
      tiers: __type(name: "IndustryTier") { enumValues { name } }
    }`,
    { limit: settings.requestLimit, top: OVERVIEW_ENTITIES },
  );
  setTiers(data.tiers.enumValues.map((v) => v.name));
  const namespaces = new Map();
  let total = 0;
  for (const kind of Object.keys(KINDS)) {
    for (const bucket of data[kind]) {
      const entry = namespaces.get(bucket.key) ?? { namespace: bucket.key, total: 0, byKind: {} };
      entry.byKind[kind] = bucket.count;
      entry.total += bucket.count;
      total += bucket.count;
      namespaces.set(bucket.key, entry);
    }
  }
  return {
    total,
    namespaces: [...namespaces.values()].sort((a, b) => b.total - a.total || a.namespace.localeCompare(b.namespace)),
    plans: data.plans.map(asNode),
    mostConnected: data.mostConnected.map((c) => ({ id: c.entity.id, degree: c.degree, node: asNode(c.entity) })),
  };
}

/** Whether the view walks links (basis and review then decide which links it walks). */
export function isFocused(state) {
  return state.focus.length > 0;
}

/** The key of what a view fetches: views with equal keys draw the same elements. */
export function dataKey(state) {
  if (!isFocused(state)) return 'library';
  return JSON.stringify([state.focus, state.depth, state.basis, state.review]);
}

/**
 * What the view draws: `{ mode, nodes, edges, truncated, capped }`. `mode` is `whole`, `overview` or
 * `focus`; `truncated` says a request was cut at its limit, `capped` that the drawing limit stopped
 * further requests.
 */
export async function loadView(state, library, settings) {
  if (!isFocused(state)) {
    // Drawn whole only when one request may ask for every entity and the drawing may hold them all.
    if (library.total > Math.min(settings.requestLimit, settings.drawnLimit)) {
      // Too large to draw whole: the plans and the most connected entities, grown by search and expand.
      const nodes = new Map();
      for (const node of [...library.plans.slice(0, OVERVIEW_ENTITIES), ...library.mostConnected.map((c) => c.node)])
        nodes.set(node.id, node);
      return { mode: 'overview', nodes: [...nodes.values()], edges: [], truncated: false, capped: false };
    }
    // The links are asked for within both limits: the request limit, and the room the entities leave.
    const room = Math.max(0, settings.drawnLimit - library.total);
    const data = await graphql(
      `query WholeGraph($limit: Int!, $linkLimit: Int!) {
        graph(limit: $limit, linkLimit: $linkLimit) { nodes { ${NODE_FIELDS} } edges { ${EDGE_FIELDS} } truncated }
      }`,
      { limit: settings.requestLimit, linkLimit: Math.min(settings.requestLimit, room) },
    );
    // A cut where the room was the smaller limit is the drawing limit's; otherwise the request's.
    const capped = data.graph.truncated && room < settings.requestLimit;
    return { mode: 'whole', ...data.graph, truncated: data.graph.truncated && !capped, capped };
  }
  const nodes = new Map();
  const edges = new Map();
  let truncated = false;
  let capped = false;
  // The newest focus first: when the drawing limit is reached, the entities added last are still drawn.
  for (const id of [...state.focus].reverse()) {
    const room = settings.drawnLimit - nodes.size - edges.size;
    if (room <= 0) {
      capped = true;
      break;
    }
    const ask = Math.min(settings.requestLimit, room);
    const data = await graphql(
      `query Neighbourhood(
        $id: ID!, $depth: Int!, $limit: Int!, $linkLimit: Int!, $basis: [Basis!], $review: [ReviewStatus!]
      ) {
        neighborhood(id: $id, depth: $depth, limit: $limit, linkLimit: $linkLimit, basis: $basis, review: $review) {
          nodes { ${NODE_FIELDS} } edges { ${EDGE_FIELDS} } truncated
        }
      }`,
      {
        id,
        depth: state.depth,
        limit: ask,
        linkLimit: ask,
        basis: state.basis,
        review: state.review,
      },
    );
    const part = data.neighborhood;
    // As for the whole graph: a cut where the room was the smaller limit is the drawing limit's.
    if (part.truncated && ask < settings.requestLimit) capped = true;
    else truncated ||= part.truncated;
    for (const n of part.nodes) nodes.set(n.id, n);
    for (const e of part.edges) {
      // Links beyond the drawing limit are left out, and the view says so.
      if (nodes.size + edges.size >= settings.drawnLimit && !edges.has(e.id)) capped = true;
      else edges.set(e.id, e);
    }
  }
  return { mode: 'focus', nodes: [...nodes.values()], edges: [...edges.values()], truncated, capped };
}
