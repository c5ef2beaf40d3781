import type { Caller } from './caller.js';

/**
 * Who switched an API key or a MISP license off (ours; MOSIP lets the owner switch back on whatever an admin
 * switched off, and a MISP ask for a new license): an admin's deactivation, including the one that cascades from
 * the partner's, is a revocation that only an admin's activation lifts. The owner's own deactivation stays the
 * owner's to undo, as in MOSIP.
 */
export interface AdminRevocable {
  isActive: boolean;
  /** Absent (items written before the attribute existed): not revoked by an admin. */
  revokedByAdmin?: boolean;
}

export function isRevokedByAdmin(credential: AdminRevocable): boolean {
  return credential.revokedByAdmin === true;
}

/** Whether the caller may switch the credential on: an admin always, its owner unless an admin revoked it. */
export function mayActivate(credential: AdminRevocable, caller: Caller): boolean {
  return caller.isAdmin || !isRevokedByAdmin(credential);
}

/** The revocation after `caller` switches the credential on or off: an admin's change sets or lifts it, the owner's keeps it. */
export function revokedByAdminAfter(credential: AdminRevocable, caller: Caller, activate: boolean): boolean {
  return caller.isAdmin ? !activate : isRevokedByAdmin(credential);
}

/** An admin's "off" on a credential its owner switched off: it records the revocation rather than doing nothing. */
export function revokesOwnersDeactivation(credential: AdminRevocable, caller: Caller): boolean {
  return caller.isAdmin && !credential.isActive && !isRevokedByAdmin(credential);
}
