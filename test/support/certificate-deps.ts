import { generateKeyPairSync } from 'node:crypto';
import { DEFAULT_MINIMUM_VALIDITY, DEFAULT_SELF_REGISTERED_ACTIVATION } from '../../functions/adapters/certificate-upload-settings.js';
import { localKeySigner } from '../../functions/adapters/signing/local-key-signer.js';
import { ensurePmsCa, type PmsCa } from '../../functions/domain/certificates/pms-ca.js';
import type { CertificateDeps, CertificateRepository, MinimumRemainingValidity, SelfRegisteredActivation } from '../../functions/domain/certificates/ports.js';
import type { CaCertificate, PartnerCertificate } from '../../functions/domain/certificates/stored-certificates.js';
import type { Partner } from '../../functions/domain/partners/partner.js';
import { emailLookupOf, sealed } from './personal-data.js';

/** Every write the in-memory certificate ports received, in order. */
export type RecordedWrite =
  | { kind: 'caCertificates'; certificates: CaCertificate[] }
  | { kind: 'partnerCertificate'; certificate: PartnerCertificate; partner: Partner };

/**
 * CertificateDeps over memory: a trust store, partners and a PMS CA made with throw-away RSA keys. `writes` records
 * what the domain asked to store; the stores themselves follow the writes so that later reads see them. The uploads'
 * minimum remaining validity is MOSIP's default, and a self-registered partner's activation our default, unless given.
 */
export async function inMemoryCertificateDeps(options: {
  now: Date;
  partners: Partner[];
  trustStore?: CaCertificate[];
  minimumValidity?: MinimumRemainingValidity;
  selfRegisteredActivation?: SelfRegisteredActivation;
}) {
  const writes: RecordedWrite[] = [];
  const trust = [...(options.trustStore ?? [])];
  const partners = new Map(options.partners.map((partner) => [partner.id, partner]));
  const partnerCertificates = new Map<string, PartnerCertificate>();
  let stored: PmsCa | undefined;
  const rootSigner = localKeySigner(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey);
  const issuingSigner = localKeySigner(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey);
  const clock = { now: () => options.now };
  const pmsCa = await ensurePmsCa({
    store: {
      get: async () => stored,
      putIfAbsent: async (ca) => {
        stored ??= ca;
        return true;
      },
    },
    rootSigner,
    issuingSigner,
    clock,
  });
  let nextId = 0;
  const certificates: CertificateRepository = {
    caCertificatesOfDomain: async (domain) => trust.filter((cert) => cert.partnerDomain === domain),
    allCaCertificates: async () => [...trust].reverse(),
    caCertificatesExpiringBetween: async (from, until) => trust.filter((cert) => cert.notAfter >= from && cert.notAfter <= until),
    getCaCertificate: async (certId) => trust.find((cert) => cert.certId === certId),
    storeCaCertificates: async (stored) => {
      writes.push({ kind: 'caCertificates', certificates: stored });
      trust.push(...stored);
    },
    getPartnerCertificate: async (_partnerId, certId) => partnerCertificates.get(certId),
    storePartnerCertificate: async (certificate, next) => {
      writes.push({ kind: 'partnerCertificate', certificate, partner: next });
      partnerCertificates.set(certificate.certId, certificate);
      partners.set(next.id, { ...next, revision: next.revision + 1 });
    },
  };
  const deps: CertificateDeps = {
    certificates,
    partners: {
      getPartner: async (id) => partners.get(id),
      partnersOfUser: async (userId) => [...partners.values()].filter((partner) => partner.userId === userId),
    },
    signing: { pmsCa: async () => pmsCa, issuingSigner: async () => issuingSigner },
    clock,
    ids: { newId: () => `id-${++nextId}` },
    minimumValidity: options.minimumValidity ?? DEFAULT_MINIMUM_VALIDITY,
    selfRegisteredActivation: options.selfRegisteredActivation ?? DEFAULT_SELF_REGISTERED_ACTIVATION,
  };
  return { deps, writes, pmsCa, partners };
}

/** A registered, not yet approved authentication partner. */
export function registeredAuthPartner(id: string, organizationName: string, now: Date): Partner {
  return {
    id,
    userId: id,
    partnerType: 'Auth_Partner',
    policyGroupId: 'group-1',
    organizationName,
    address: sealed('Nairobi'),
    contactNumber: sealed('+254700000000'),
    emailId: sealed(`${id}@example.org`),
    emailLookup: emailLookupOf(`${id}@example.org`),
    langCode: 'eng',
    logoUrl: null,
    additionalInfo: [],
    approvalStatus: 'InProgress',
    isActive: false,
    certificateAlias: null,
    crBy: id,
    crDtimes: now.toISOString(),
    updBy: null,
    updDtimes: null,
    revision: 1,
  };
}
