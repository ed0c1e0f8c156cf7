/**
 * Who a request acts for, and what that allows. Roles come from a token's `roles` claim or an API
 * key's entry; a request without credentials acts with ANONYMOUS_ROLE (or none).
 */

/** The roles a principal may hold, weakest first. */
export const ROLES = ['reader', 'curator', 'admin'] as const;
/** One of `ROLES`. */
export type Role = (typeof ROLES)[number];

/** What a request may do. */
export type Action = 'read' | 'write' | 'review' | 'revert' | 'cypher';

/** The roles each action needs (any one of them). */
const NEEDS: Readonly<Record<Exclude<Action, 'cypher'>, readonly Role[]>> = {
  read: ['reader', 'curator', 'admin'],
  write: ['curator', 'admin'],
  review: ['admin'],
  revert: ['admin'],
};

/** The caller of one request. */
export interface Principal {
  /** The person or script (`sub` of a token, name of an API key); null when anonymous. */
  sub: string | null;
  roles: ReadonlySet<Role>;
  /** How it was established. */
  via: 'anonymous' | 'token' | 'apiKey';
  /** May use the ad-hoc `cypher` field: an admin, a holder of the role CYPHER_ROLE names, or the CYPHER_API_KEY. */
  cypher: boolean;
}

/** Whether `principal` may do `action`. */
export function allows(principal: Principal, action: Action): boolean {
  if (action === 'cypher') return principal.cypher;
  return NEEDS[action].some((role) => principal.roles.has(role));
}

/** Whether `value` names a role. */
export function isRole(value: unknown): value is Role {
  return (ROLES as readonly unknown[]).includes(value);
}
