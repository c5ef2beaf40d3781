/**
 * MOSIP's partner types (pms.partner_type seed) that partners may register as, and whether each must belong
 * to a policy group (`is_policy_required`).
 */
export const PARTNER_TYPES = {
  Auth_Partner: { policyRequired: true },
  Credential_Partner: { policyRequired: true },
  Online_Verification_Partner: { policyRequired: true },
  ABIS_Partner: { policyRequired: true },
  Manual_Adjudication: { policyRequired: true },
  Device_Provider: { policyRequired: false },
  FTM_Provider: { policyRequired: false },
  MISP_Partner: { policyRequired: false },
} as const;

export type PartnerType = keyof typeof PARTNER_TYPES;

/** MOSIP matches partner types case-insensitively; the canonical code, or undefined when unknown. */
export function partnerTypeOf(input: string): PartnerType | undefined {
  const wanted = input.toLowerCase();
  return (Object.keys(PARTNER_TYPES) as PartnerType[]).find((type) => type.toLowerCase() === wanted);
}

export function policyRequiredTypes(): PartnerType[] {
  return (Object.keys(PARTNER_TYPES) as PartnerType[]).filter((type) => PARTNER_TYPES[type].policyRequired);
}
