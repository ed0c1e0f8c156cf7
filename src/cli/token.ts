/**
 * `npm run token -- --sub NAME --roles curator[,admin] [--expires 8h]`: signs a token for local use with
 * AUTH_JWT_SECRET (HS256), as the server verifies it, and prints it.
 */
import { parseArgs } from 'node:util';
import { SignJWT } from 'jose';
import { readConfig } from '../config/readConfig';
import { isRole, ROLES } from '../auth/Principal';
import { ConfigError } from '../errors/errors';
import { PROJECT_ROOT } from '../paths';
import { runCli } from './runCli';

const USAGE = `usage: npm run token -- --sub NAME --roles ${ROLES.join('|')}[,...] [--expires 8h]\n`;

async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { sub: { type: 'string' }, roles: { type: 'string' }, expires: { type: 'string', default: '8h' } },
  });
  const roles = (values.roles ?? '').split(',').filter((r) => r !== '');
  if (!values.sub || roles.length === 0 || !roles.every(isRole)) {
    process.stderr.write(USAGE);
    return 2;
  }
  const secret = readConfig(process.env, PROJECT_ROOT).auth.jwtSecret;
  if (secret === undefined)
    throw new ConfigError('AUTH_JWT_SECRET', 'must be set to sign tokens (the server verifies with it)');
  const token = await new SignJWT({ roles })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(values.sub)
    .setIssuedAt()
    .setExpirationTime(values.expires)
    .sign(new TextEncoder().encode(secret));
  process.stdout.write(`${token}\n`);
  return 0;
}

runCli(run, { failure: 'Signing failed', hint: USAGE });
