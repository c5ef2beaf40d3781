/** One audit record: who did what to which object, with what outcome, when. */
export interface AuditEntry {
  actor: string;
  action: string;
  objectType: string;
  objectId: string;
  outcome: 'SUCCESS' | 'FAILURE';
  at: string;
  /** Non-secret facts worth keeping, e.g. the old and new name of a renamed group. */
  details?: Record<string, string | number | boolean>;
}

export function auditEntry(actor: string, action: string, objectType: string, objectId: string, now: Date, details?: AuditEntry['details']): AuditEntry {
  return { actor, action, objectType, objectId, outcome: 'SUCCESS', at: now.toISOString(), ...(details ? { details } : {}) };
}

/** A failure worth keeping (a notification or mail that could not be made or sent); written on its own. */
export function auditFailure(actor: string, action: string, objectType: string, objectId: string, now: Date, details?: AuditEntry['details']): AuditEntry {
  return { ...auditEntry(actor, action, objectType, objectId, now, details), outcome: 'FAILURE' };
}
