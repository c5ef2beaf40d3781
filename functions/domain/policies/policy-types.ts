/** The policy types MOSIP allows (`pmp.allowed.policy.types`), in their canonical spelling. */
export const POLICY_TYPES = ['Auth', 'DataShare', 'CredentialIssuance', 'MISP'] as const;

export type PolicyType = (typeof POLICY_TYPES)[number];

/**
 * The canonical type for a requested one, or undefined when it is not allowed (MOSIP answers PMS_POL_023).
 * MOSIP compares case-insensitively (`equalsIgnoreCase`) and keeps the caller's spelling in the stored policy;
 * whether to store the canonical or the requested spelling is the caller's choice.
 */
export function policyTypeOf(input: string): PolicyType | undefined {
  const wanted = input.toLowerCase();
  return POLICY_TYPES.find((type) => type.toLowerCase() === wanted);
}
