/**
 * The resolver map. Every root field compiles its whole selection into one Cypher query and returns
 * the rows; nested fields are then read from those rows by `readResponseKey`, never fetched again.
 */
import {
  defaultFieldResolver,
  getNamedType,
  isObjectType,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
} from 'graphql';
import type { Resolvers } from './generated/resolvers';
import type { Context } from './context';
import { compiledOnce } from './compiledOnce';
import type { CompiledQuery, Projected, ResultRow } from '../compiler/CompiledQuery';
import { returnObjectType } from '../compiler/collectFields';
import { finishEdges, selectedGraphFields } from '../compiler/graphShapes';
import { compileGraph } from '../compiler/compileGraph';
import { compileList, type ListArgs } from '../compiler/compileList';
import { compileConnection, shapeConnection, type ConnectionArgs } from '../compiler/compileConnection';
import { compileNode } from '../compiler/compileNode';
import { compileSearch } from '../compiler/compileSearch';
import { compileNeighborhood } from '../compiler/compileNeighborhood';
import { compileShortestPath } from '../compiler/compileShortestPath';
import { compileGaps, compileGoalImpact, compileMostConnected } from '../compiler/compileReports';
import {
  compileCommitments,
  compileFollowThrough,
  compileMovedGoals,
  compileScorecard,
} from '../compiler/compileFollowThrough';
import { runCompiled } from '../compiler/runCompiled';
import { NotFoundError, InternalError } from '../errors/errors';
import { compileCountBy, type CountByArgs } from '../compiler/compileCountBy';
import { JSONResolver } from 'graphql-scalars';
import { runAdhocCypher } from '../adhoc/runAdhocCypher';
import { NODE_LABELS, type NodeLabel } from '../dataset/PlanDataset';
import type { Locator } from '../provenance/SourceText';
import { curationResolvers, DateTimeScalar } from './curationResolvers';

/**
 * Reads a field from the compiled row by its response key (alias), falling back to the field name
 * for the few shapes built in TypeScript (connections' edges and pageInfo).
 */
export const readResponseKey: GraphQLFieldResolver<unknown, Context> = (source, args, context, info) => {
  if (typeof source === 'object' && source !== null) {
    const key = String(info.path.key);
    if (key in source) return (source as Record<string, unknown>)[key];
  }
  return defaultFieldResolver(source, args, context, info);
};

async function results(context: Context, query: CompiledQuery<ResultRow>): Promise<Projected[]> {
  return (await runCompiled(context.db, query)).map((row) => row.result);
}

const list = async (args: ListArgs, context: Context, info: GraphQLResolveInfo): Promise<Projected[]> =>
  results(
    context,
    compiledOnce(context, info, (s) => compileList(s, returnObjectType(info), args)),
  );

const connection = async (args: ConnectionArgs, context: Context, info: GraphQLResolveInfo) => {
  const compiled = compiledOnce(context, info, (s) => compileConnection(s, returnObjectType(info), args));
  const [row] = await runCompiled(context.db, compiled);
  // Aggregations always return one row.
  return shapeConnection(row!, compiled);
};

// The kind a `...CountBy` field counts: its `by` argument is a `<Kind>CountField`.
const countBy = async (args: CountByArgs, context: Context, info: GraphQLResolveInfo): Promise<Projected[]> => {
  const by = info.parentType.getFields()[info.fieldName]!.args.find((a) => a.name === 'by')!;
  const kind = info.schema.getType(getNamedType(by.type).name.replace(/CountField$/, ''));
  if (!isObjectType(kind)) throw new InternalError(`${info.fieldName} counts no entity type`);
  return results(
    context,
    compiledOnce(context, info, (s) => compileCountBy(s, kind, args)),
  );
};

/** Resolvers for every type in `schema/`. */
export const resolvers: Resolvers = {
  Query: {
    plans: (_parent, args, context, info) => list(args, context, info),
    goals: (_parent, args, context, info) => list(args, context, info),
    tasks: (_parent, args, context, info) => list(args, context, info),
    industries: (_parent, args, context, info) => list(args, context, info),
    platforms: (_parent, args, context, info) => list(args, context, info),
    frameworks: (_parent, args, context, info) => list(args, context, info),
    fields: (_parent, args, context, info) => list(args, context, info),
    technologies: (_parent, args, context, info) => list(args, context, info),
    businessForms: (_parent, args, context, info) => list(args, context, info),
    aims: (_parent, args, context, info) => list(args, context, info),
    evidence: (_parent, args, context, info) => list(args, context, info),
    assessments: (_parent, args, context, info) => list(args, context, info),
    plansConnection: (_parent, args, context, info) => connection(args, context, info),
    goalsConnection: (_parent, args, context, info) => connection(args, context, info),
    tasksConnection: (_parent, args, context, info) => connection(args, context, info),
    industriesConnection: (_parent, args, context, info) => connection(args, context, info),
    platformsConnection: (_parent, args, context, info) => connection(args, context, info),
    evidenceConnection: (_parent, args, context, info) => connection(args, context, info),
    assessmentsConnection: (_parent, args, context, info) => connection(args, context, info),
    plansCountBy: (_parent, args, context, info) => countBy(args, context, info),
    goalsCountBy: (_parent, args, context, info) => countBy(args, context, info),
    tasksCountBy: (_parent, args, context, info) => countBy(args, context, info),
    industriesCountBy: (_parent, args, context, info) => countBy(args, context, info),
    platformsCountBy: (_parent, args, context, info) => countBy(args, context, info),
    areasCountBy: (_parent, args, context, info) => countBy(args, context, info),
    actionPlansCountBy: (_parent, args, context, info) => countBy(args, context, info),
    sourcesCountBy: (_parent, args, context, info) => countBy(args, context, info),
    frameworksCountBy: (_parent, args, context, info) => countBy(args, context, info),
    fieldsCountBy: (_parent, args, context, info) => countBy(args, context, info),
    technologiesCountBy: (_parent, args, context, info) => countBy(args, context, info),
    businessFormsCountBy: (_parent, args, context, info) => countBy(args, context, info),
    aimsCountBy: (_parent, args, context, info) => countBy(args, context, info),
    evidenceCountBy: (_parent, args, context, info) => countBy(args, context, info),
    assessmentsCountBy: (_parent, args, context, info) => countBy(args, context, info),
    node: async (_parent, { id }, context, info) =>
      (
        await results(
          context,
          compiledOnce(context, info, (s) => compileNode(s, id)),
        )
      )[0] ?? null,
    search: (_parent, args, context, info) =>
      results(
        context,
        compiledOnce(context, info, (s) => compileSearch(s, args)),
      ),
    neighborhood: async (_parent, args, context, info) => {
      const [row] = await runCompiled(
        context.db,
        compiledOnce(context, info, (s) => compileNeighborhood(s, args, selectedGraphFields(s))),
      );
      if (!row?.found)
        throw new NotFoundError(`neighborhood: no entity has the id ${JSON.stringify(args.id)}`, { argument: 'id' });
      return { nodes: row.nodes, edges: finishEdges(row.edges, { sort: true }), truncated: row.truncated };
    },
    shortestPath: async (_parent, args, context, info) => {
      const [row] = await runCompiled(
        context.db,
        compiledOnce(context, info, (s) => compileShortestPath(s, args)),
      );
      for (const end of ['from', 'to'] as const) {
        if (!row?.[`${end}Found`])
          throw new NotFoundError(`shortestPath: no entity has the id ${JSON.stringify(args[end])} (argument ${end})`, {
            argument: end,
          });
      }
      if (!row?.nodes || !row.edges) return null;
      return { length: row.nodes.length - 1, nodes: row.nodes, edges: finishEdges(row.edges, { sort: false }) };
    },
    graph: async (_parent, args, context, info) => {
      const [row] = await runCompiled(
        context.db,
        compiledOnce(context, info, (s) => compileGraph(s, args, selectedGraphFields(s))),
      );
      // The query collects, so it always returns its one row.
      return { nodes: row!.nodes, edges: finishEdges(row!.edges, { sort: true }), truncated: row!.truncated };
    },
    goalImpact: async (_parent, { id, ...walk }, context, info) => {
      const [result] = await results(
        context,
        compiledOnce(context, info, (s) => compileGoalImpact(s, id, walk)),
      );
      if (!result) throw new NotFoundError(`goalImpact: no goal has the id ${JSON.stringify(id)}`, { argument: 'id' });
      return result;
    },
    gaps: async (_parent, { namespace, ...walk }, context, info) =>
      (
        await results(
          context,
          compiledOnce(context, info, (s) => compileGaps(s, namespace, walk)),
        )
      )[0] ?? {},
    mostConnected: (_parent, args, context, info) =>
      results(
        context,
        compiledOnce(context, info, (s) => compileMostConnected(s, args)),
      ),
    commitments: async (_parent, { plan, ...walk }, context, info) => {
      const [list] = await results(
        context,
        compiledOnce(context, info, (s) => compileCommitments(s, plan, walk)),
      );
      if (!list)
        throw new NotFoundError(`commitments: no plan has the id ${JSON.stringify(plan)}`, { argument: 'plan' });
      return list as unknown as Projected[];
    },
    followThrough: async (_parent, { id, ...walk }, context, info) => {
      const [result] = await results(
        context,
        compiledOnce(context, info, (s) => compileFollowThrough(s, id, walk)),
      );
      if (!result) {
        throw new NotFoundError(
          `followThrough: no goal, task, platform, framework or action plan has the id ${JSON.stringify(id)}`,
          { argument: 'id' },
        );
      }
      return result;
    },
    scorecard: async (_parent, { plan, ...walk }, context, info) => {
      const [result] = await results(
        context,
        compiledOnce(context, info, (s) => compileScorecard(s, plan, walk)),
      );
      if (!result)
        throw new NotFoundError(`scorecard: no plan has the id ${JSON.stringify(plan)}`, { argument: 'plan' });
      return result;
    },
    movedGoals: (_parent, walk, context, info) =>
      results(
        context,
        compiledOnce(context, info, (s) => compileMovedGoals(s, walk)),
      ),
    ...curationResolvers.Query,
    cypher: (_parent, { query, params }, context) =>
      runAdhocCypher(
        { db: context.db, settings: context.adhoc, slots: context.adhocSlots, enabled: context.adhocEnabled },
        { query, params, principal: context.principal },
      ),
  },
  Mutation: curationResolvers.Mutation,
  JSON: JSONResolver,
  DateTime: DateTimeScalar,
  Citation: {
    // The compiler answers `text` with the locator; the words come from the source texts the server holds.
    text: (citation, _args, context, info) => {
      const locator = (citation as Record<string, unknown>)[String(info.path.key)] as Locator | null | undefined;
      if (!locator) return null;
      return context.sourceTexts.get(locator.source)?.span(locator) ?? null;
    },
  },
  Entity: {
    // The compiler projects __typename wherever a field's type is the Entity interface.
    __resolveType: (entity) => {
      const name = entity.__typename;
      if (!isEntityTypeName(name)) throw new InternalError(`Compiled entity has no known __typename: ${String(name)}`);
      return name;
    },
  },
};

// Entity object types are named after their node labels.
function isEntityTypeName(name: unknown): name is NodeLabel {
  return (NODE_LABELS as readonly unknown[]).includes(name);
}
