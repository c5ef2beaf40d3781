import { randomInt } from 'node:crypto';
import { forgeTrustChain } from '../local/certificate-forge.js';
import { LocalStackError, readLocalConfig } from '../local/config.js';
import { createLocalIssuer } from '../local/issuer.js';
import { localUrl } from '../local/ports.js';
import { ACTORS, type Actor, bankId, bankOrganization, mispId, mispOrganization } from './demo/journey-steps.js';
import { JourneyError, runJourney } from './demo/run-journey.js';

/**
 * `npm run demo`: the seed journey of docs/journey.md against the running local stack (`npm start`), from a new
 * policy group to IDA's "allowed", printing each step. The API is PMS_URL, or 127.0.0.1 on PMS_PORT; tokens are
 * minted as `npm run token` mints them, so a stack started with PMS_DATA_DIR or PMS_ISSUER_PORT needs the same here.
 * Each run has its own names, so it runs again against the same stack. Exits 1 with MOSIP's error if a step fails.
 */
async function main(): Promise<void> {
  const config = readLocalConfig();
  const baseUrl = (process.env.PMS_URL || localUrl(config.ports.api)).replace(/\/+$/, '');
  const run =
    Date.now().toString(36) +
    randomInt(36 ** 2)
      .toString(36)
      .padStart(2, '0');
  const names = { RUN: run };

  const issuer = await createLocalIssuer({ dataDir: config.dataDir, port: config.ports.issuer });
  const tokens = {} as Record<Actor, string>;
  for (const [actor, { user, roles }] of Object.entries(ACTORS) as [Actor, (typeof ACTORS)[Actor]][]) {
    tokens[actor] = await issuer.mintToken({ user: user(names), roles });
  }
  // Each partner's own CA: root and intermediate, and the partner certificate with its organisation name.
  const bank = forgeTrustChain({ organization: bankOrganization(names), commonName: bankId(names) });
  const misp = forgeTrustChain({ organization: mispOrganization(names), commonName: mispId(names) });

  const print = (line: string) => process.stdout.write(`${line}\n`);
  print(`PMS demo, run ${run}, against ${baseUrl} (tokens signed with the key in ${config.dataDir}, issuer port ${config.ports.issuer})`);
  const values = await runJourney({
    baseUrl,
    tokens,
    initial: {
      RUN: run,
      BANK_CA_CHAIN: bank.root.pem + bank.intermediate.pem,
      BANK_CERT: bank.leaf.pem,
      MISP_CA_CHAIN: misp.root.pem + misp.intermediate.pem,
      MISP_CERT: misp.leaf.pem,
    },
    print,
  });
  print(
    `done: run ${run}: policy group ${values.GROUP_ID}, policy ${values.POLICY_ID}, partner ${bankId(names)} with an API key, MISP ${mispId(names)} with a license key`,
  );
}

main().catch((error: unknown) => {
  const known = error instanceof JourneyError || error instanceof LocalStackError;
  console.error(known ? `demo: ${(error as Error).message}` : error);
  process.exit(1);
});
