import { isEsignetConfigured } from '../../adapters/esignet/esignet-settings.js';
import { oidcClientDepsFrom } from '../../adapters/oidc-client-wiring.js';
import { settlePendingClients } from '../../domain/oidc-clients/consistency.js';
import { scheduledJobHandler } from '../../jobs/job-handler.js';

/** Without eSignet there is no OIDC client, so nothing to settle. */
export const handler = scheduledJobHandler('settle-oidc-clients', async (clock) =>
  isEsignetConfigured() ? { ...(await settlePendingClients(oidcClientDepsFrom(process.env, clock))) } : { confirmed: 0, undone: 0, waiting: 0 },
);
