import { parseArgs } from 'node:util';
import { isRole, PMS_ROLES, type Role } from '../functions/auth/roles.js';
import { LocalStackError, readLocalConfig } from '../local/config.js';
import { createLocalIssuer, type TokenFlavor } from '../local/issuer.js';

const USAGE = 'usage: npm run -s token -- --user NAME [--roles ROLE1,ROLE2] [--flavor keycloak|cognito] [--email ADDRESS] [--expires SECONDS]';

/** Prints a token from the local issuer, and nothing else, on stdout: TOKEN=$(npm run -s token -- ...). */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      user: { type: 'string' },
      roles: { type: 'string', default: '' },
      flavor: { type: 'string', default: 'keycloak' },
      email: { type: 'string' },
      expires: { type: 'string' },
    },
  });
  if (!values.user) throw new LocalStackError(`--user is required; ${USAGE}`);
  const config = readLocalConfig();
  const issuer = await createLocalIssuer({ dataDir: config.dataDir, port: config.ports.issuer });
  const token = await issuer.mintToken({
    user: values.user,
    roles: rolesFrom(values.roles),
    flavor: flavorFrom(values.flavor),
    ...(values.email ? { email: values.email } : {}),
    ...(values.expires !== undefined ? { expiresInSeconds: secondsFrom(values.expires) } : {}),
  });
  process.stdout.write(`${token}\n`);
}

function rolesFrom(list: string): Role[] {
  const names = list
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = names.filter((name) => !isRole(name));
  if (unknown.length > 0) throw new LocalStackError(`unknown role ${unknown.join(', ')}; roles are ${PMS_ROLES.join(', ')}`);
  return names as Role[];
}

function flavorFrom(value: string): TokenFlavor {
  if (value !== 'keycloak' && value !== 'cognito') throw new LocalStackError(`--flavor must be keycloak or cognito, not ${value}`);
  return value;
}

function secondsFrom(value: string): number {
  const seconds = Number(value);
  if (!Number.isInteger(seconds)) throw new LocalStackError(`--expires must be a whole number of seconds, not ${value}`);
  return seconds;
}

main().catch((error: unknown) => {
  const known = error instanceof LocalStackError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  console.error(known ? `token: ${(error as Error).message}` : error);
  process.exit(1);
});
