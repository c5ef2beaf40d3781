import type { Policy } from '../policies/policy.js';
import { policyOfGroup } from '../policies/views.js';
import { type BiometricExtractor, formatBiometric } from './credential-partner.js';

/** PartnerCredentialTypePolicyDto: the partner and credential type, then the PolicyDto with its type. */
export function credentialTypePolicy(partnerId: string, credentialType: string, policy: Policy) {
  const { policyId, policyName, policyDesc, ...rest } = policyOfGroup(policy);
  return { partnerId, credentialType, policyId, policyName, policyDesc, policyType: policy.policyType, ...rest };
}

/** ExtractorsDto. */
export function extractorsView(extractors: readonly BiometricExtractor[]) {
  return {
    extractors: extractors.map((extractor) => ({
      attributeName: extractor.attributeName,
      biometric: formatBiometric(extractor.biometricModality, extractor.biometricSubTypes),
      extractor: { provider: extractor.extractorProvider, version: extractor.extractorProviderVersion },
    })),
  };
}
