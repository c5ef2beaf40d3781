import { CERTIFICATE_ERRORS } from '../errors/certificate-errors.js';
import { caCertificateUploadResponse, partnerCertificateUploadResponse } from '../openapi/response-schemas.js';
import {
  caCertificateUploadRequest,
  partnerCertificatesDetailsQuery,
  partnerCertificateUploadRequest,
  trustCertificatesQuery,
} from '../schemas/certificates.js';
import { defineRoute } from './route.js';

const entry = (file: string) => `functions/handlers/certificates/${file}.ts`;
const partnerService = { domain: 'partner', service: 'partnermanager' } as const;

/**
 * Roles MOSIP lets upload and download partner certificates (`postpartnerscertificateupload`,
 * `getpartnerscertificate`), as far as we have them; MISP_PARTNER is ours (MISPs upload for the AUTH or MISP domain).
 * The machine roles (CREDENTIAL_ISSUANCE, ID_AUTHENTICATION) are left out: a download checks ownership, and IDA
 * gets certificates from PARTNER_UPDATED and the verification answer.
 */
const PARTNER_CERTIFICATE_ROLES = [
  'PARTNER',
  'AUTH_PARTNER',
  'ABIS_PARTNER',
  'DEVICE_PROVIDER',
  'FTM_PROVIDER',
  'CREDENTIAL_PARTNER',
  'PARTNER_ADMIN',
  'ONLINE_VERIFICATION_PARTNER',
  'MISP_PARTNER',
] as const;

/** The certificate endpoints of MOSIP PartnerServiceController and PartnerManagementController. */
export const certificateRoutes = {
  uploadCaCertificate: defineRoute({
    ...partnerService,
    operationId: 'uploadCaCertificate',
    summary: 'Upload a root or intermediate CA certificate (or a chain: PEM blocks or P7B) to a partner domain trust store',
    method: 'POST',
    tableAccess: 'read-write',
    path: '/partners/certificate/ca/upload',
    access: ['PARTNER_ADMIN'],
    envelope: 'V1',
    body: caCertificateUploadRequest,
    example: { certificateData: '-----BEGIN CERTIFICATE-----\n...\n-----END CERTIFICATE-----\n', partnerDomain: 'AUTH' },
    response: caCertificateUploadResponse,
    entry: entry('upload-ca-certificate'),
  }),
  uploadPartnerCertificate: defineRoute({
    ...partnerService,
    operationId: 'uploadPartnerCertificate',
    summary: "Upload the partner's own certificate: validated against its domain's trust store, re-signed by the PMS CA; approves and activates the partner",
    method: 'POST',
    tableAccess: 'read-write',
    path: '/partners/certificate/upload',
    access: PARTNER_CERTIFICATE_ROLES,
    envelope: 'V1',
    body: partnerCertificateUploadRequest,
    example: { partnerId: 'bank-1', certificateData: '-----BEGIN CERTIFICATE-----\n...\n-----END CERTIFICATE-----\n', partnerDomain: 'AUTH' },
    signsCertificates: true,
    response: partnerCertificateUploadResponse,
    entry: entry('upload-partner-certificate'),
  }),
  getPartnerCertificate: defineRoute({
    ...partnerService,
    operationId: 'getPartnerCertificate',
    summary: "The partner's MOSIP-signed certificate (the caller's own partner, or any for a partner admin)",
    method: 'GET',
    tableAccess: 'read',
    path: '/partners/{partnerId}/certificate',
    access: PARTNER_CERTIFICATE_ROLES,
    envelope: 'V1',
    entry: entry('get-partner-certificate'),
  }),
  getPartnerCertificateData: defineRoute({
    ...partnerService,
    operationId: 'getPartnerCertificateData',
    summary: "The partner's uploaded and MOSIP-signed certificates, each with its expiry flag",
    method: 'GET',
    tableAccess: 'read',
    path: '/partners/{partnerId}/certificate-data',
    access: PARTNER_CERTIFICATE_ROLES,
    envelope: 'V2',
    apiId: 'mosip.pms.original.partner.certificate.get',
    fallbackError: CERTIFICATE_ERRORS.CERTIFICATE_FETCH_ERROR,
    entry: entry('get-partner-certificate-data'),
  }),
  partnerCertificatesDetails: defineRoute({
    ...partnerService,
    operationId: 'partnerCertificatesDetails',
    summary: "Certificate details of each of the caller's partners, optionally only those expiring within expiryPeriod (1-30) days",
    method: 'GET',
    tableAccess: 'read',
    path: '/partners/partner-certificates-details',
    access: PARTNER_CERTIFICATE_ROLES.filter((role) => role !== 'PARTNER'),
    envelope: 'V2',
    apiId: 'mosip.pms.partner.certificates.get',
    query: partnerCertificatesDetailsQuery,
    fallbackError: CERTIFICATE_ERRORS.PARTNER_CERTIFICATES_FETCH_ERROR,
    entry: entry('partner-certificates-details'),
  }),
  listTrustCertificates: defineRoute({
    ...partnerService,
    operationId: 'listTrustCertificates',
    summary: 'Paged, filtered and sorted list of the root and intermediate CA certificates of every domain',
    method: 'GET',
    tableAccess: 'read',
    path: '/trust-chain-certificates',
    access: ['PARTNER_ADMIN'],
    envelope: 'V2',
    apiId: 'mosip.pms.trust.certificates.get',
    query: trustCertificatesQuery,
    fallbackError: CERTIFICATE_ERRORS.TRUST_CERTIFICATES_FETCH_ERROR,
    entry: entry('list-trust-certificates'),
  }),
  downloadTrustPath: defineRoute({
    ...partnerService,
    operationId: 'downloadTrustPath',
    summary: 'A CA certificate with its issuers up to the root, as a PEM PKCS#7 (P7B)',
    method: 'GET',
    tableAccess: 'read',
    path: '/trust-chain-certificates/{certificateId}/certificateFile',
    access: ['PARTNER_ADMIN'],
    envelope: 'V2',
    apiId: 'mosip.pms.download.trust.certificates.get',
    fallbackError: CERTIFICATE_ERRORS.DOWNLOAD_TRUST_CERTIFICATE_ERROR,
    entry: entry('download-trust-path'),
  }),
  pmsCaCertificates: defineRoute({
    ...partnerService,
    operationId: 'pmsCaCertificates',
    summary: "The PMS issuing CA and ROOT certificates as one PEM chain, to check MOSIP-signed partner certificates (ours; MOSIP's keymanager serves them)",
    method: 'GET',
    tableAccess: 'read',
    path: '/pms-ca-certificates',
    access: 'AUTHENTICATED',
    envelope: 'V1',
    entry: entry('pms-ca-certificates'),
  }),
};
