import { PmsError, withArguments } from '../../../errors/pms-error.js';
import { POLICY_VALIDATOR_ERRORS } from '../../../errors/policy-validator-errors.js';
import { type PolicyType, policyTypeOf } from '../policy-types.js';
import { AUTH_POLICY_SCHEMA } from './auth-policy.js';
import { DATA_SHARE_POLICY_SCHEMA } from './data-share-policy.js';
import { type JsonSchema, schemaErrors } from './json-schema.js';
import { MISP_POLICY_SCHEMA } from './misp-policy.js';

/** MOSIP's `pmp.<type lowercase>.policy.schema` settings. */
export const POLICY_JSON_SCHEMAS: Readonly<Record<PolicyType, JsonSchema>> = {
  Auth: AUTH_POLICY_SCHEMA,
  DataShare: DATA_SHARE_POLICY_SCHEMA,
  CredentialIssuance: DATA_SHARE_POLICY_SCHEMA,
  MISP: MISP_POLICY_SCHEMA,
};

/**
 * Checks a policy's JSON against its type's schema (MOSIP PolicyManagementService#validatePolicy).
 * Throws every violation at once, in MOSIP's order; MOSIP itself answers only the first (see json-schema.ts).
 *
 * Null or absent policies: MOSIP fails with a NullPointerException (PMS_COR_003 "Could not process the request");
 * we answer PMS_PV_006 "Missing input parameter - policies in policy data". Any other non-object gets what the
 * schema's root `type: object` gives: PMS_PV_007 "Format Error: Expected format is object.".
 */
export function validatePolicyJson(type: PolicyType, policies: unknown): void {
  if (policies === null || policies === undefined) {
    throw new PmsError(withArguments(POLICY_VALIDATOR_ERRORS.MISSING_INPUT_PARAMETER, 'policies'));
  }
  const canonical = policyTypeOf(type); // stored policies may keep the caller's spelling
  if (!canonical) throw new Error(`no policy schema for type ${type}`);
  const errors = schemaErrors(POLICY_JSON_SCHEMAS[canonical], policies);
  if (errors.length > 0) throw PmsError.several(errors);
}
