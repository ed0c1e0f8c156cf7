/**
 * Resolvers of the curation fields: who may do what is decided here (401 signed out, 403 without the
 * role), the work in `src/curation/`. One log line per write names the request, the caller, the
 * change set and its counts.
 */
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { allows, type Action } from '../auth/Principal';
import { ForbiddenError, UnauthenticatedError } from '../errors/errors';
import { applyChanges } from '../curation/applyChanges';
import { reviewLink } from '../curation/reviewLink';
import { revertChangeSet } from '../curation/revertChangeSet';
import { readChangeSets, readHistory } from '../curation/readHistory';
import type { ChangeSetRecord } from '../curation/recordChangeSet';
import { checkLimit, checkOffset } from '../compiler/checkArguments';
import type { Context } from './context';
import type { Resolvers } from './generated/resolvers';

/** Refuses the request unless its caller may do `action`. */
function requireRight(context: Context, action: Action): void {
  if (allows(context.principal, action)) return;
  if (context.principal.via === 'anonymous') {
    throw new UnauthenticatedError(`${action} needs sign-in: send Authorization: Bearer <token or API key>`, {
      endsRequest: true,
    });
  }
  const who = context.principal.sub ?? 'this caller';
  const needs = action === 'write' ? 'curator or admin' : 'admin';
  throw new ForbiddenError(`${action} is for a ${needs}; ${who} is not one`, { rule: 'role' }, { endsRequest: true });
}

function logged(context: Context, record: ChangeSetRecord): ChangeSetRecord {
  const counts = { CREATE: 0, UPDATE: 0, DELETE: 0 };
  for (const change of record.changes) counts[change.op] += 1;
  context.logger.info(
    {
      requestId: context.requestId,
      by: record.by,
      changeSet: record.id,
      via: record.via,
      namespaces: record.namespaces,
      counts,
    },
    'change set written',
  );
  return record;
}

// An instant as ISO 8601 text; anything Date cannot read is refused with the value shown.
function instant(value: unknown): string {
  const date = typeof value === 'string' ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    throw new GraphQLError(`DateTime must be an ISO 8601 instant, got ${JSON.stringify(value)}`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return date.toISOString();
}

/** The DateTime scalar: ISO 8601 text in and out, normalised to UTC. */
export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  serialize: (value) => instant(value),
  parseValue: (value) => instant(value),
  parseLiteral: (ast) => instant(ast.kind === Kind.STRING ? ast.value : undefined),
});

/** Mutation resolvers and the history queries. */
export const curationResolvers: Pick<Resolvers, 'Mutation'> & {
  Query: Pick<NonNullable<Resolvers['Query']>, 'changeSets' | 'history'>;
} = {
  Mutation: {
    applyChanges: async (_parent, { message, changes }, context) => {
      requireRight(context, 'write');
      const record = await applyChanges(
        { db: context.db, by: context.principal.sub, limits: context.curation, sourceTexts: context.sourceTexts },
        message,
        changes,
      );
      return logged(context, record);
    },
    reviewLink: async (_parent, { id, status, note }, context) => {
      requireRight(context, 'review');
      const { review, changeSet } = await reviewLink(
        context.db,
        context.principal.sub,
        id,
        status,
        note ?? null,
        context.curation,
      );
      context.logger.info(
        { requestId: context.requestId, by: review.by, changeSet, link: id, status, counts: { UPDATE: 1 } },
        'link reviewed',
      );
      return review;
    },
    revert: async (_parent, { changeSetId, message }, context) => {
      requireRight(context, 'revert');
      return logged(
        context,
        await revertChangeSet(context.db, context.principal.sub, changeSetId, message, context.curation),
      );
    },
  },
  Query: {
    changeSets: async (_parent, args, context) => {
      requireRight(context, 'read');
      return readChangeSets(
        context.db,
        { since: args.since ?? null, namespace: args.namespace ?? null, by: args.by ?? null },
        { limit: checkLimit(context.limits, 'limit', args.limit), offset: checkOffset(args.offset) },
      );
    },
    history: async (_parent, { id, limit, offset }, context) => {
      requireRight(context, 'read');
      return readHistory(context.db, id, {
        limit: checkLimit(context.limits, 'limit', limit),
        offset: checkOffset(offset),
      });
    },
  },
};
