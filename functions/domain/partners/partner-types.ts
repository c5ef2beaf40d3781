/**
 * MOSIP's partner types (pms.partner_type seed) that partners may register as, whether each must belong to a
 * policy group (`is_policy_required`), and whether a partner admin may onboard it for a user (MOSIP's portal
 * onboards MISP and ABIS partners from the admin side).
 */
export const PARTNER_TYPES = {
  Auth_Partner: { description: 'Auth Partner', policyRequired: true, adminOnboarding: false },
  Credential_Partner: { description: 'Credential Partner', policyRequired: true, adminOnboarding: false },
  Online_Verification_Partner: { description: 'Online_Verification_Partner', policyRequired: true, adminOnboarding: false },
  ABIS_Partner: { description: 'ABIS Partner', policyRequired: true, adminOnboarding: true },
  Manual_Adjudication: { description: 'Manual Adjudication', policyRequired: true, adminOnboarding: false },
  Device_Provider: { description: 'Device Provider', policyRequired: false, adminOnboarding: false },
  FTM_Provider: { description: 'FTM Provider', policyRequired: false, adminOnboarding: false },
  MISP_Partner: { description: 'MISP_Partner', policyRequired: false, adminOnboarding: true },
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
