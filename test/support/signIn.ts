/** Sign-in for tests: settings with an HS256 secret, and tokens signed with it. */
import { SignJWT } from 'jose';
import type { AuthSettings } from '../../src/auth/Authenticator';

/** Sign-in by tokens signed with `secret`; anonymous callers read; admins run ad-hoc Cypher. */
export function testAuth(secret: string): AuthSettings {
  return {
    jwtSecret: secret,
    jwksUrl: undefined,
    apiKeys: [],
    anonymousRole: 'reader',
    cypherRole: 'admin',
    cypherApiKey: undefined,
  };
}

/** A token for `sub` (none when undefined) with the `roles` claim given, valid for an hour. */
export function signToken(secret: string, sub: string | undefined, roles: unknown): Promise<string> {
  const jwt = new SignJWT({ roles }).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().setExpirationTime('1h');
  return (sub === undefined ? jwt : jwt.setSubject(sub)).sign(new TextEncoder().encode(secret));
}
