import { relative, resolve } from 'node:path';
import { DEFAULT_DATA_DIR, type LocalConfig, PORT_SETTINGS, REPO_ROOT } from './config.js';
import type { RunningStack } from './stack.js';

/** What a developer needs after `npm start`: where everything is, how to get a token, one request to try. */
export function banner(config: LocalConfig, stack: RunningStack): string {
  const shown = (path: string) => {
    const fromHere = relative(process.cwd(), path);
    return fromHere.startsWith('..') ? path : fromHere || '.';
  };
  // `npm run token` only knows the issuer port and data dir through the same variables.
  const tokenEnv = [
    config.ports.issuer !== PORT_SETTINGS.issuer.defaultPort ? `${PORT_SETTINGS.issuer.envVar}=${config.ports.issuer} ` : '',
    config.dataDir !== DEFAULT_DATA_DIR ? `PMS_DATA_DIR=${config.dataDir} ` : '',
  ].join('');
  const storage = config.inMemory ? 'in memory' : `data in ${shown(config.dataDir)}/dynamodb`;
  return [
    'PMS local stack is ready',
    `  API          ${stack.apiUrl}`,
    `  Mail inbox   ${stack.sesUrl}`,
    `  Issuers      ${stack.issuerUrl}/realms/mosip (Keycloak-shaped), ${stack.issuerUrl}/cognito (Cognito-shaped)`,
    `  DynamoDB     ${stack.dynamoDbEndpoint}, table ${config.tableName} (${storage})`,
    `  Events       ${shown(stack.eventLogPath)}`,
    '',
    `Get a token:   TOKEN=$(${tokenEnv}npm run -s token -- --user admin1 --roles PARTNER_ADMIN)`,
    `Try it:        curl -H "Authorization: Bearer $TOKEN" ${stack.apiUrl}/v1/policymanager/policies/group/all`,
    `Docs:          ${shown(resolve(REPO_ROOT, 'docs/local.md'))}`,
    'Stop with Ctrl-C.',
  ].join('\n');
}
