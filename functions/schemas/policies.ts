import * as z from 'zod/mini';
import { POLICY_TYPES } from '../domain/policies/policy-types.js';
import { ACTIVATION_STATUSES } from '../domain/status-words.js';
import { requiredText } from '../http/constraints.js';
import { policyJsonDocumentation } from '../openapi/policy-json-schema.js';
import { boundedJson } from './bounded-json.js';
import { allowedWords, documentedAs } from './documented.js';

// MOSIP's own messages (PolicyCreateRequestDto / PolicyUpdateRequestDto).
const EMPTY = 'value is empty or null';
const text = (max: number, blank = EMPTY) => requiredText(1, max, { blank, size: `Length should be in between 1 and ${max} chars` });

/** Ids a client may choose for a new policy (MOSIP lets seed scripts pick them, e.g. "mpolicy-default-auth"). */
const clientPolicyId = z.optional(
  z.nullable(
    z.string({ error: 'must be a string' }).check(z.regex(/^[A-Za-z0-9._-]{1,64}$/, { error: 'must be 1 to 64 letters, digits, dots, dashes or underscores' })),
  ),
);

/** Any bounded JSON here; the operation checks it against its type's schema, with MOSIP's PMS_PV_* codes. */
const policyJson = documentedAs(z.optional(boundedJson()), policyJsonDocumentation());

/** MOSIP stores the version in a varchar(8). */
const version = text(8);

export const createPolicyRequest = z.object({
  policyId: clientPolicyId,
  policyGroupName: text(128),
  policyType: allowedWords(text(128, 'value is empty or null. Allowed values Auth/DataShare/CredentialIssuance'), POLICY_TYPES, 'Any case'),
  name: text(128),
  desc: text(256),
  version,
  policies: policyJson,
});

export const updatePolicyRequest = z.object({
  policyGroupName: text(128),
  name: text(128),
  desc: text(256),
  version,
  policies: policyJson,
});

/** Ours: clone a policy into a group (by name), optionally under a new name. */
export const clonePolicyRequest = z.object({
  policyGroupName: text(128),
  name: z.optional(z.nullable(text(128))),
});

/** Legacy PolicyStatusUpdateRequestDto; the value is checked by the operation (PMS_POL_045). */
export const policyStatusRequest = z.object({
  status: allowedWords(z.optional(z.nullable(z.string({ error: 'must be a string' }))), ACTIVATION_STATUSES, 'Any case'),
});
