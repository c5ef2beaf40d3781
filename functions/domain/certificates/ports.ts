import type { AuditEntry } from '../audit.js';
import type { EventModel } from '../events/event-model.js';
import type { Partner } from '../partners/partner.js';
import type { PartnerRepository } from '../partners/ports.js';
import type { Clock, IdGenerator } from '../ports.js';
import type { PartnerDomain } from './partner-domains.js';
import type { PmsCa } from './pms-ca.js';
import type { CertificateSigner } from './signer.js';
import type { CaCertificate, PartnerCertificate } from './stored-certificates.js';

/**
 * The trust stores and partner certificates. Refusals: UniqueConstraintError('thumbprint') when a CA certificate
 * of the same domain and thumbprint was stored meanwhile; ConcurrentModificationError when the partner changed
 * since it was read.
 */
export interface CertificateRepository {
  /** All of a domain's CA certificates (roots and intermediates): its whole trust store. */
  caCertificatesOfDomain(domain: PartnerDomain): Promise<CaCertificate[]>;
  /** Every CA certificate, newest upload first (the admin list). */
  allCaCertificates(): Promise<CaCertificate[]>;
  /** CA certificates whose notAfter lies in [from, until], read from the expiry calendar. */
  caCertificatesExpiringBetween(from: string, until: string): Promise<CaCertificate[]>;
  getCaCertificate(certId: string): Promise<CaCertificate | undefined>;
  /** Stores the certificates with their thumbprint guards and audit records, all or nothing. */
  storeCaCertificates(certificates: CaCertificate[], audits: AuditEntry[]): Promise<void>;
  getPartnerCertificate(partnerId: string, certId: string): Promise<PartnerCertificate | undefined>;
  /**
   * Stores a partner's new certificate as its current one, with the partner as it is now (conditional on the
   * revision it was read at), the audit record and the events; the previous current certificate leaves the
   * expiry calendar.
   */
  storePartnerCertificate(certificate: PartnerCertificate, next: Partner, previous: Partner, audit: AuditEntry, events: EventModel[]): Promise<void>;
}

/** The PMS CA, read once per container, and the issuing CA's signer (KMS on AWS, a key file locally). */
export interface PmsSigning {
  pmsCa(): Promise<PmsCa>;
  issuingSigner(): Promise<CertificateSigner>;
}

/**
 * How long an uploaded certificate must still be valid, set by the operator: a CA certificate `caMonths` more
 * (KER-PCM-017), a partner certificate `partnerDays` more (KER-KMS-021). 0 accepts any certificate valid now.
 */
export interface MinimumRemainingValidity {
  caMonths: number;
  partnerDays: number;
}

/**
 * What a self-registered partner's first certificate upload does: `by-partner-admin` (our default) stores the
 * certificate and leaves the partner pending until a partner admin's "Active"; `on-certificate-upload` approves and
 * activates it at once, as MOSIP 1.3 does. Partners an admin registered are activated by the upload either way.
 */
export type SelfRegisteredActivation = 'by-partner-admin' | 'on-certificate-upload';

/**
 * What the certificate downloads and lists read: the stores, the partners and the stored PMS CA. No signer, so the
 * functions that only read never load the issuing CA's key or the certificate issuer.
 */
export interface CertificateReadDeps {
  certificates: CertificateRepository;
  partners: Pick<PartnerRepository, 'getPartner' | 'partnersOfUser'>;
  signing: Pick<PmsSigning, 'pmsCa'>;
  clock: Clock;
}

/** A CA certificate upload: validated against its domain's trust store and stored, never signed. */
export interface CaUploadDeps extends Pick<CertificateReadDeps, 'certificates' | 'clock'> {
  ids: IdGenerator;
  minimumValidity: MinimumRemainingValidity;
}

export interface CertificateDeps extends CertificateReadDeps, CaUploadDeps {
  signing: PmsSigning;
  selfRegisteredActivation: SelfRegisteredActivation;
}
