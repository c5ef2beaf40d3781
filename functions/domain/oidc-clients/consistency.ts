import { ESIGNET_ERRORS } from '../../errors/oidc-client-errors.js';
import { ConcurrentModificationError, PmsError } from '../../errors/pms-error.js';
import { auditEntry } from '../audit.js';
import type { Partner } from '../partners/partner.js';
import type { Policy } from '../policies/policy.js';
import { oidcClientCreated, oidcClientUpdated } from './client-events.js';
import { OIDC_CLIENT_AUDIT_TYPE, type OidcClient, registeredFields } from './oidc-client.js';
import { EsignetRefusal, type EsignetRegistration, EsignetUnavailable, type OidcClientDeps } from './ports.js';

/*
 * A client lives in two systems, our table and eSignet, and no transaction spans both. The rule that keeps them
 * equal (docs/security.md, "OIDC clients"):
 *
 * 1. Every input is checked first (MOSIP's rules, then eSignet's with eSignet's codes): a refused request writes
 *    nothing anywhere.
 * 2. The change is stored as *pending* (a new client, or an update with the fields eSignet last confirmed), in one
 *    transaction that also claims the client id (the public key) and checks the partner is active.
 * 3. eSignet is called.
 *    - It accepts: the change is confirmed (pending cleared), with its audit record and its event, in one transaction.
 *    - It refuses (it answered with errors): the change is undone (a new client removed, an update put back to the
 *      confirmed fields) and eSignet's error answers the request. Both systems are as before.
 *    - It cannot be asked (down, timed out, an answer without a response): whether eSignet applied the change is
 *      unknown, so nothing is undone; the request is answered with MOSIP's error (PMS_KKS_001 and friends) and the
 *      change stays pending.
 * 4. The settle-oidc-clients job sends every change pending for longer than a grace period to eSignet again (the
 *    same create, or the whole client as an update; eSignet answering duplicate_client_id to a create means an earlier
 *    attempt reached it, and the update then makes it equal), then confirms or undoes it as in 3. A crash of the
 *    function between any two steps leaves a pending change, settled the same way.
 *
 * So once retries settle, a client exists in both systems with the same fields, or in neither. A client whose
 * creation is pending is not shown (reads answer PMS_ESI_004); a pending update is shown with its new fields.
 */

/** How long a change may wait for its own request to finish before the job takes it over. */
export const SETTLE_GRACE_MS = 5 * 60_000;

/** What a new client's OIDC_CLIENT_CREATED event names besides the client. */
export interface CreatedWith {
  partner: Partner;
  policy: Policy;
}

export function registrationOf(client: OidcClient): EsignetRegistration {
  return {
    clientId: client.id,
    relyingPartyId: client.partnerId,
    publicKey: JSON.parse(client.publicKey) as Record<string, string>,
    ...registeredFields(client),
  };
}

/** Steps 2 and 3 for one change: `previous` absent for a new client. */
export async function registerChange(deps: OidcClientDeps, next: OidcClient, previous: OidcClient | undefined, created?: CreatedWith): Promise<void> {
  const since = deps.clock.now().toISOString();
  const pending: OidcClient = previous
    ? {
        ...next,
        pending: {
          kind: 'update',
          since,
          confirmed: previous.pending?.confirmed ?? { ...registeredFields(previous), updBy: previous.updBy, updDtimes: previous.updDtimes },
        },
      }
    : { ...next, pending: { kind: 'create', since } };
  await deps.clients.commit(previous ? { client: { next: pending, previous } } : { client: { next: pending }, activePartnerId: next.partnerId });
  const written: OidcClient = { ...pending, revision: previous ? previous.revision + 1 : pending.revision };
  try {
    await sendToEsignet(deps, written);
  } catch (error) {
    if (error instanceof EsignetRefusal) {
      await undo(deps, written);
      throw new PmsError(error.error);
    }
    if (error instanceof EsignetUnavailable) throw new PmsError(error.error);
    throw error;
  }
  await confirm(deps, written, created);
}

function sendToEsignet(deps: Pick<OidcClientDeps, 'esignet'>, client: OidcClient): Promise<void> {
  const registration = registrationOf(client);
  return client.pending?.kind === 'create' ? deps.esignet.create(client.api, registration) : deps.esignet.update(client.api, registration);
}

/** Step 3, accepted: the change confirmed with its audit record and event. */
async function confirm(deps: OidcClientDeps, client: OidcClient, created?: CreatedWith): Promise<void> {
  const now = deps.clock.now();
  const isNew = client.pending?.kind === 'create';
  const next: OidcClient = { ...client, pending: null };
  const action = isNew ? 'createOidcClient' : next.status === 'INACTIVE' ? 'deactivateOidcClient' : 'updateOidcClient';
  const audit = auditEntry(client.updBy ?? client.crBy, action, OIDC_CLIENT_AUDIT_TYPE, client.id, now, {
    partnerId: client.partnerId,
    policyId: client.policyId,
  });
  const context = isNew ? (created ?? (await createdWith(deps, client))) : undefined;
  const event = context ? oidcClientCreated(next, context.partner, context.policy, now, deps.ids) : oidcClientUpdated(next, now, deps.ids);
  await deps.clients.commit({ client: { next, previous: client }, audit, events: [event] });
}

async function createdWith(deps: OidcClientDeps, client: OidcClient): Promise<CreatedWith | undefined> {
  const [partner, policy] = await Promise.all([deps.partners.getPartner(client.partnerId), deps.policies.getPolicy(client.policyId)]);
  return partner && policy ? { partner, policy } : undefined;
}

/** Step 3, refused: a new client removed, an update put back to what eSignet holds. */
async function undo(deps: OidcClientDeps, client: OidcClient): Promise<void> {
  if (client.pending?.kind === 'create') return deps.clients.discard(client);
  const confirmed = client.pending?.confirmed;
  if (!confirmed) return;
  await deps.clients.commit({ client: { next: { ...client, ...confirmed, pending: null }, previous: client } });
}

export interface SettleReport {
  confirmed: number;
  undone: number;
  waiting: number;
}

/** Step 4: every change pending for longer than `graceMs`, sent again and confirmed or undone. */
export async function settlePendingClients(deps: OidcClientDeps, graceMs = SETTLE_GRACE_MS): Promise<SettleReport> {
  const report: SettleReport = { confirmed: 0, undone: 0, waiting: 0 };
  const cutoff = deps.clock.now().getTime() - graceMs;
  for (const client of await deps.clients.pendingClients()) {
    if (!client.pending || Date.parse(client.pending.since) > cutoff) continue;
    try {
      await sendAgain(deps, client);
    } catch (error) {
      if (error instanceof EsignetRefusal) {
        await undo(deps, client).catch(ignoreLostRace);
        report.undone++;
      } else if (error instanceof EsignetUnavailable) {
        report.waiting++;
      } else throw error;
      continue;
    }
    await confirm(deps, client).then(
      () => report.confirmed++,
      (error) => {
        ignoreLostRace(error);
        report.waiting++;
      },
    );
  }
  return report;
}

/** A create sent again that eSignet already holds (duplicate_client_id) is made equal to ours with an update. */
async function sendAgain(deps: OidcClientDeps, client: OidcClient): Promise<void> {
  try {
    await sendToEsignet(deps, client);
  } catch (error) {
    if (!(error instanceof EsignetRefusal && error.error.code === ESIGNET_ERRORS.DUPLICATE_CLIENT_ID.code && client.pending?.kind === 'create')) throw error;
    try {
      await deps.esignet.update(client.api, registrationOf(client));
    } catch (updateError) {
      // eSignet holds the client but refused our fields: keep it pending (never remove what eSignet holds).
      if (updateError instanceof EsignetRefusal) throw new EsignetUnavailable(updateError.error, 'update after duplicate_client_id refused');
      throw updateError;
    }
  }
}

/** Another writer changed the client meanwhile: it is left for that writer, or the next run. */
function ignoreLostRace(error: unknown): void {
  if (!(error instanceof ConcurrentModificationError)) throw error;
}
