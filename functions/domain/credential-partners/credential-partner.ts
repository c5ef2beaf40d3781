/**
 * What credential partners configure for the credential service and registration processor: which policy a
 * partner uses for each credential type, and which biometric extractor to run per attribute under a policy.
 */

/** MOSIP partner_policy_credential_type: one per partner and credential type. */
export interface CredentialTypeMapping {
  partnerId: string;
  /** The configured spelling (see credential-types.ts). */
  credentialType: string;
  policyId: string;
  crBy: string;
  crDtimes: string;
}

/** MOSIP biometric_extractor_provider: one per partner, policy and attribute. */
export interface BiometricExtractor {
  partnerId: string;
  policyId: string;
  attributeName: string;
  biometricModality: string;
  biometricSubTypes: string | null;
  extractorProvider: string | null;
  extractorProviderVersion: string | null;
  crBy: string;
  crDtimes: string;
  updBy: string | null;
  updDtimes: string | null;
}

/**
 * Splits `Finger[LeftThumb,RightThumb]` into modality and sub-types the way MOSIP does (split on `[`, then the
 * second piece up to `]`), so what is stored and given back matches MOSIP for any input.
 */
export function parseBiometric(biometric: string): { modality: string; subTypes: string | null } {
  const [modality = '', second] = biometric.split('[');
  const subTypes = second?.split(']')[0];
  return { modality, subTypes: subTypes ? subTypes : null };
}

export function formatBiometric(modality: string, subTypes: string | null): string {
  return subTypes === null ? modality : `${modality}[${subTypes}]`;
}
