/** The resolver map handed to Apollo Server; each root field sends one Cypher query. */
import type { Resolvers } from './generated/resolvers';
import type { PlanModel } from '../model/Entity';
import { readCypher } from '../cypher/readCypher';

const PLANS = readCypher('queries/plans.cypher');

/** Resolvers for every type in `schema/`. */
export const resolvers: Resolvers = {
  Query: {
    plans: async (_parent, _args, { db }) => {
      const rows = await db.read(PLANS);
      return rows.map((row) => row['plan'] as PlanModel);
    },
  },
};
