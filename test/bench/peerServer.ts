/**
 * The peer for benchmarks: the Neo4j GraphQL Library (@neo4j/graphql) serving the same graph with an
 * equivalent schema, on Apollo Server and Express like ours. It needs its own driver; a spying proxy
 * around it hands every Cypher statement the library sends to the caller, so its database work can be profiled.
 */
// The peer brings its own driver by design; this file is the benchmark's one exception to the rule.
// eslint-disable-next-line no-restricted-imports
import neo4j, { type Driver } from 'neo4j-driver';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { Neo4jGraphQL } from '@neo4j/graphql';

const TYPE_DEFS =
  `
type Plan @node { id: ID! name: String! goals: [Goal!]! @relationship(type: "SETS", direction: OUT) ` +
  `tasks: [Task!]! @relationship(type: "DEPLOYS", direction: OUT) }
type Goal @node { id: ID! name: String! targetYear: Int! goalKind: String! ordinal: Int ` +
  `tasks: [Task!]! @relationship(type: "ADVANCES", direction: IN) }
type Task @node { id: ID! name: String! ordinal: Int! ` +
  `goals: [Goal!]! @relationship(type: "ADVANCES", direction: OUT) ` +
  `industries: [Industry!]! @relationship(type: "DEVELOPS", direction: OUT) ` +
  `platforms: [Platform!]! @relationship(type: "BUILDS", direction: OUT) }
type Industry @node { id: ID! name: String! tier: String! ` +
  `tasks: [Task!]! @relationship(type: "DEVELOPS", direction: IN) }
type Platform @node { id: ID! name: String! tasks: [Task!]! @relationship(type: "BUILDS", direction: IN) }
` +
  // What @neo4j/graphql has no operation for is written as @cypher, the way its users would: the
  // same Cypher as the floor's, the neighbourhood's depth fixed at 2 because a pattern's bounds
  // cannot be parameters.
  `
type NeighborhoodNode { id: ID! kind: String! name: String! }
type NeighborhoodEdge { id: ID! type: String! source: ID! target: ID! basis: String }
type Neighborhood { nodes: [NeighborhoodNode!]! edges: [NeighborhoodEdge!]! }
type PathNode { id: ID! }
type PathEdge { type: String! }
type Path { length: Int! nodes: [PathNode!]! edges: [PathEdge!]! }
type Hit { id: ID! name: String! }
type SearchHit { score: Float! entity: Hit! }
type Query {
  neighborhood(id: ID!, limit: Int!): Neighborhood @cypher(columnName: "result", statement: """
    MATCH (s:Entity {id: $id}) MATCH (s)-[*0..2]-(n:Entity) WITH collect(DISTINCT n)[..$limit] AS nodes
    CALL (nodes) { UNWIND nodes AS a MATCH (a)-[r]->(b) WHERE b IN nodes
      WITH a.id AS source, type(r) AS type, b.id AS target, r.basis AS basis ORDER BY source, type, target
      RETURN collect({id: source + '|' + type + '|' + target, type: type, source: source, target: target,
        basis: basis}) AS edges }
    RETURN {nodes: [n IN nodes | {id: n.id, kind: head([l IN labels(n) WHERE l <> 'Entity']), name: n.name}],
      edges: edges} AS result""")
  shortestPath(from: ID!, to: ID!): Path @cypher(columnName: "result", statement: """
    MATCH (a:Entity {id: $from}), (b:Entity {id: $to}) MATCH p = shortestPath((a)-[*..6]-(b))
    RETURN {length: length(p), nodes: [n IN nodes(p) | {id: n.id}],
      edges: [r IN relationships(p) | {type: type(r)}]} AS result""")
  search(text: String!, limit: Int!): [SearchHit!]! @cypher(columnName: "hit", statement: """
    WITH reduce(q = '', w IN split(toLower(trim($text)), ' ') |
      q + ' name:' + w + '^4 name:' + w + '*^2 summary:' + w + ' summary:' + w + '*^0.5') AS q
    CALL db.index.fulltext.queryNodes('entity_text', q, {limit: $limit * 4 + 10}) YIELD node, score
    WITH node, score ORDER BY toLower(node.name) = toLower($text) DESC, score DESC, node.id LIMIT $limit
    RETURN {score: score, entity: {id: node.id, name: node.name}} AS hit""")
}
`;

/** A statement the peer sent. */
export interface RecordedQuery {
  cypher: string;
  params: Record<string, unknown>;
}

/** A running peer server. */
export interface PeerServer {
  url: string;
  schemaMs: number;
  close(): Promise<void>;
}

type Runner = { run: (cypher: string, params?: Record<string, unknown>) => unknown };

function spy<T extends object>(target: T, record: (q: RecordedQuery) => void): T {
  return new Proxy(target, {
    get(t, property, receiver) {
      const value = Reflect.get(t, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      if (property === 'run') {
        return (cypher: string, params: Record<string, unknown> = {}) => {
          record({ cypher, params });
          return (t as unknown as Runner).run(cypher, params);
        };
      }
      if (property === 'session' || property === 'beginTransaction') {
        return (...args: unknown[]) => spy((value as (...a: unknown[]) => object).apply(t, args), record);
      }
      if (property === 'executeRead' || property === 'executeWrite') {
        return (work: (tx: object) => unknown, config?: unknown) =>
          (value as (w: (tx: object) => unknown, c?: unknown) => unknown).call(
            t,
            (tx: object) => work(spy(tx, record)),
            config,
          );
      }
      return (value as (...a: unknown[]) => unknown).bind(t);
    },
  });
}

/** Starts the peer on a free port over the Neo4j at `uri`, handing every statement it sends to `record`. */
export async function startPeerServer(uri: string, record: (q: RecordedQuery) => void): Promise<PeerServer> {
  const driver: Driver = spy(neo4j.driver(uri), record);
  const started = performance.now();
  const schema = await new Neo4jGraphQL({ typeDefs: TYPE_DEFS, driver }).getSchema();
  const schemaMs = performance.now() - started;
  const app = express();
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer({ schema });
  await apollo.start();
  app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(apollo));
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const port = (httpServer.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    schemaMs,
    close: async () => {
      await apollo.stop();
      httpServer.close();
      await driver.close();
    },
  };
}
