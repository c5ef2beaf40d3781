import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DEFAULT_DATA_DIR = resolve(REPO_ROOT, '.pms');

/** Every port the stack opens, with the variable that moves it (named in "port in use" messages). */
export const PORT_SETTINGS = {
  api: { envVar: 'PMS_PORT', defaultPort: 8080, what: 'the API' },
  issuer: { envVar: 'PMS_ISSUER_PORT', defaultPort: 8081, what: 'the token issuer' },
  dynamodb: { envVar: 'PMS_DYNAMODB_PORT', defaultPort: 8000, what: 'DynamoDB Local' },
  ses: { envVar: 'PMS_SES_PORT', defaultPort: 8005, what: 'SES local' },
  /** Unset, the API's port + 6 (8086), so stacks on other API ports do not collide on it. */
  esignet: { envVar: 'PMS_ESIGNET_PORT', defaultPort: 8086, what: 'the eSignet counterpart' },
} as const;
export type PortName = keyof typeof PORT_SETTINGS;

export interface LocalConfig {
  /** Absolute; holds the DynamoDB files, the issuer key and the event log. */
  dataDir: string;
  ports: Record<PortName, number>;
  tableName: string;
  /** DynamoDB keeps nothing on disk (tests); the issuer key and event log still live in dataDir. */
  inMemory: boolean;
  /** A build of MOSIP's partner portal to serve on the API's origin (PMS_PORTAL_DIR); absent: none. */
  portalDir?: string;
}

export function readLocalConfig(env: NodeJS.ProcessEnv = process.env): LocalConfig {
  const dataDir = env.PMS_DATA_DIR ? resolve(env.PMS_DATA_DIR) : DEFAULT_DATA_DIR;
  const ports = Object.fromEntries(
    Object.entries(PORT_SETTINGS).map(([name, setting]) => [name, portFrom(env, setting.envVar, setting.defaultPort)]),
  ) as Record<PortName, number>;
  if (!env[PORT_SETTINGS.esignet.envVar]) ports.esignet = ports.api + (PORT_SETTINGS.esignet.defaultPort - PORT_SETTINGS.api.defaultPort);
  const portalDir = env.PMS_PORTAL_DIR ? portalBuild(resolve(env.PMS_PORTAL_DIR)) : undefined;
  return { dataDir, ports, tableName: env.PMS_TABLE_NAME || 'pms', inMemory: env.PMS_IN_MEMORY === 'true', ...(portalDir ? { portalDir } : {}) };
}

function portalBuild(dir: string): string {
  if (!existsSync(join(dir, 'index.html'))) throw new LocalStackError(`PMS_PORTAL_DIR=${dir} is not a portal build: it has no index.html`);
  return dir;
}

function portFrom(env: NodeJS.ProcessEnv, envVar: string, fallback: number): number {
  const raw = env[envVar];
  if (!raw) return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new LocalStackError(`${envVar}=${raw} is not a port number`);
  return port;
}

/** A problem the developer can fix, reported as one line without a stack trace. */
export class LocalStackError extends Error {}
