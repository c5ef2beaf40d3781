import { type EventModel, eventModel, POLICY_SERVICE } from '../events/event-model.js';
import type { IdGenerator } from '../ports.js';
import type { Policy } from './policy.js';
import { policyData } from './views.js';

/** POLICY_UPDATED with the policy as IDA stores it. */
export function policyUpdated(policy: Policy, now: Date, ids: IdGenerator): EventModel {
  return eventModel(POLICY_SERVICE, 'POLICY_UPDATED', { policyData: policyData(policy) }, now, ids.newId());
}
