import { PmsError } from '../../errors/pms-error.js';
import { USER_ERRORS } from '../../errors/user-errors.js';
import { auditEntry } from '../audit.js';
import type { Caller } from '../caller.js';
import { localDateTime } from '../mosip-dates.js';
import type { UserDeps } from './ports.js';
import type { UserConsent } from './user-consent.js';

/**
 * Records that the signed-in user consents (`POST /users/user-consent`). As in MOSIP, only users who own a
 * partner may, and confirming again moves the consent time. Two confirmations racing both store "given"; the
 * later time wins, which is what a re-confirmation means anyway, so no condition guards the write.
 */
export async function saveUserConsent(deps: UserDeps, caller: Caller) {
  await requirePartnerOwner(deps, caller.userId);
  const existing = await deps.users.getConsent(caller.userId);
  const now = deps.clock.now();
  const at = now.toISOString();
  const consent: UserConsent = existing
    ? { ...existing, consentGivenDtimes: at, updBy: caller.userId, updDtimes: at }
    : { userId: caller.userId, consentGivenDtimes: at, crBy: caller.userId, crDtimes: at, updBy: null, updDtimes: null };
  await deps.users.saveConsent(consent, auditEntry(caller.userId, 'saveUserConsent', 'User', caller.userId, now));
  return consentView(caller.userId, consent);
}

/** Whether the signed-in user has consented (`GET /users/user-consent`); `false` until they have. */
export async function getUserConsent(deps: UserDeps, caller: Caller) {
  await requirePartnerOwner(deps, caller.userId);
  return consentView(caller.userId, await deps.users.getConsent(caller.userId));
}

async function requirePartnerOwner(deps: UserDeps, userId: string): Promise<void> {
  if (!(await deps.users.ownsPartner(userId))) throw new PmsError(USER_ERRORS.USER_ID_NOT_EXISTS);
}

/** UserDetailsDto. */
function consentView(userId: string, consent: UserConsent | undefined) {
  return { userId, consentGiven: consent !== undefined, consentGivenDateTime: consent ? localDateTime(consent.consentGivenDtimes) : null };
}
