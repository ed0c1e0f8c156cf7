/**
 * Turns a request's credentials into a Principal: `Authorization: Bearer <JWT>` verified with jose
 * (HS256 with AUTH_JWT_SECRET, or the keys at AUTH_JWKS_URL), or an API key (`x-api-key`, or a Bearer
 * value that is not a JWT) looked up by its SHA-256 in API_KEYS_FILE. No credentials: the anonymous
 * principal. Credentials that do not verify are refused, never ignored.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import { ServiceUnavailableError, UnauthenticatedError } from '../errors/errors';
import { isRole, type Principal, type Role } from './Principal';

/** An API key as API_KEYS_FILE lists it: never the key itself, only its SHA-256. */
export interface ApiKeyEntry {
  name: string;
  sha256: string;
  roles: Role[];
}

/** How requests are authenticated; read once at start (see readConfig). */
export interface AuthSettings {
  /** HS256 secret of the tokens (AUTH_JWT_SECRET). */
  jwtSecret: string | undefined;
  /** Where the tokens' public keys are (AUTH_JWKS_URL). */
  jwksUrl: string | undefined;
  /** The `aud` a token must carry (AUTH_JWT_AUDIENCE); any when not set. */
  audience?: string | undefined;
  /** The `iss` a token must carry (AUTH_JWT_ISSUER); any when not set. */
  issuer?: string | undefined;
  /** API keys (API_KEYS_FILE). */
  apiKeys: readonly ApiKeyEntry[];
  /** The role of a request without credentials (ANONYMOUS_ROLE); null when sign-in is required. */
  anonymousRole: Role | null;
  /** Besides admins, holders of this role may use the `cypher` field (CYPHER_ROLE). */
  cypherRole: Role;
  /** The older single key of the `cypher` field (CYPHER_API_KEY): a reader that may use `cypher`. */
  cypherApiKey: string | undefined;
}

/** No sign-in configured: everyone reads, nobody writes. */
export const OPEN_READS: AuthSettings = {
  jwtSecret: undefined,
  jwksUrl: undefined,
  apiKeys: [],
  anonymousRole: 'reader',
  cypherRole: 'admin',
  cypherApiKey: undefined,
};

// Asymmetric algorithms a key set may use; HS256 only with the shared secret, never `none`.
const JWKS_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384', 'EdDSA'];

/** Authenticates requests under one set of settings. */
export class Authenticator {
  private readonly secret: Uint8Array | undefined;
  private readonly keySet: ReturnType<typeof createRemoteJWKSet> | undefined;

  constructor(readonly settings: AuthSettings) {
    this.secret = settings.jwtSecret === undefined ? undefined : new TextEncoder().encode(settings.jwtSecret);
    this.keySet = settings.jwksUrl === undefined ? undefined : createRemoteJWKSet(new URL(settings.jwksUrl));
  }

  /** Whether anything can sign in here: tokens or API keys. */
  get signInConfigured(): boolean {
    return (
      this.secret !== undefined ||
      this.keySet !== undefined ||
      this.settings.apiKeys.length > 0 ||
      this.settings.cypherApiKey !== undefined
    );
  }

  /** The principal of a request; throws UnauthenticatedError for credentials that do not verify. */
  async principalOf(headers: IncomingHttpHeaders): Promise<Principal> {
    const authorization = single(headers['authorization']);
    const apiKey = single(headers['x-api-key']);
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
    if (authorization !== undefined && bearer === undefined) {
      throw new UnauthenticatedError('Authorization must be "Bearer <token or API key>"');
    }
    if (bearer !== undefined && bearer.split('.').length === 3) return this.fromToken(bearer);
    const key = apiKey ?? bearer;
    if (key !== undefined) return this.fromApiKey(key);
    const role = this.settings.anonymousRole;
    return { sub: null, roles: new Set(role ? [role] : []), via: 'anonymous', cypher: false };
  }

  private async fromToken(token: string): Promise<Principal> {
    let payload: JWTPayload;
    const claims = {
      ...(this.settings.audience !== undefined ? { audience: this.settings.audience } : {}),
      ...(this.settings.issuer !== undefined ? { issuer: this.settings.issuer } : {}),
    };
    try {
      if (this.secret) {
        ({ payload } = await jwtVerify(token, this.secret, { algorithms: ['HS256'], ...claims }));
      } else if (this.keySet) {
        ({ payload } = await jwtVerify(token, this.keySet, { algorithms: JWKS_ALGORITHMS, ...claims }));
      } else {
        throw new UnauthenticatedError(
          'this server accepts no tokens (neither AUTH_JWT_SECRET nor AUTH_JWKS_URL is set)',
        );
      }
    } catch (error) {
      if (error instanceof UnauthenticatedError) throw error;
      // The keys could not be fetched: the identity provider's outage, not the caller's fault.
      if (
        this.keySet !== undefined &&
        (error instanceof joseErrors.JWKSTimeout ||
          error instanceof joseErrors.JWKSInvalid ||
          !(error instanceof joseErrors.JOSEError))
      ) {
        throw new ServiceUnavailableError(
          `the sign-in keys at AUTH_JWKS_URL could not be read (${error instanceof Error ? error.message : String(error)}); try again shortly`,
        );
      }
      throw new UnauthenticatedError(`the token does not verify: ${reason(error)}`);
    }
    // History and reviews keep `sub` as who did it, in a field of at most 200 characters.
    if (typeof payload.sub !== 'string' || payload.sub === '' || payload.sub.length > 200) {
      throw new UnauthenticatedError('the token names nobody: its `sub` claim must be a string of 1 to 200 characters');
    }
    const claimed = Array.isArray(payload['roles']) ? (payload['roles'] as unknown[]) : [];
    const roles = new Set(claimed.filter(isRole));
    return { sub: payload.sub, roles, via: 'token', cypher: this.mayUseCypher(roles) };
  }

  private fromApiKey(key: string): Principal {
    const legacy = this.settings.cypherApiKey;
    if (legacy !== undefined && sameText(key, legacy)) {
      return { sub: 'CYPHER_API_KEY', roles: new Set(['reader']), via: 'apiKey', cypher: true };
    }
    const digest = createHash('sha256').update(key).digest('hex');
    const entry = this.settings.apiKeys.find((k) => sameText(k.sha256, digest));
    if (!entry) throw new UnauthenticatedError('the API key is not known here');
    const roles = new Set(entry.roles);
    return { sub: entry.name, roles, via: 'apiKey', cypher: this.mayUseCypher(roles) };
  }

  private mayUseCypher(roles: ReadonlySet<Role>): boolean {
    return roles.has('admin') || roles.has(this.settings.cypherRole);
  }
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

// Constant time, so a wrong key says nothing about how much of it was right.
function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function reason(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'it has expired';
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return 'its algorithm is not accepted';
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'its signature is wrong';
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `claim ${error.claim} fails: ${error.reason}`;
  return error instanceof Error ? error.message : String(error);
}
