/**
 * MOSIP's partner types (pms.partner_type seed) that partners may register as, and whether each must belong to a
 * policy group (`is_policy_required`). MOSIP's seed also has Internal_Partner, SDK_Partner, Binding_Partner and
 * Partner_Admin, which nothing here serves yet.
 */
export const PARTNER_TYPES = {
  Auth_Partner: { description: 'Auth Partner', policyRequired: true },
  Credential_Partner: { description: 'Credential Partner', policyRequired: true },
  Online_Verification_Partner: { description: 'Online_Verification_Partner', policyRequired: true },
  ABIS_Partner: { description: 'ABIS Partner', policyRequired: true },
  Manual_Adjudication: { description: 'Manual Adjudication', policyRequired: true },
  Print_Partner: { description: 'Print Partner', policyRequired: true },
  Device_Provider: { description: 'Device Provider', policyRequired: false },
  FTM_Provider: { description: 'FTM Provider', policyRequired: false },
  MISP_Partner: { description: 'MISP_Partner', policyRequired: false },
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
