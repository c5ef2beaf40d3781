import { CERTIFICATE_ERRORS } from '../../errors/certificate-errors.js';
import { PmsError, withArguments } from '../../errors/pms-error.js';
import { localDateTime } from '../mosip-dates.js';
import type { CertificateReadDeps } from './ports.js';
import type { CaCertificate } from './stored-certificates.js';
import { encodeCertsOnlyPkcs7, pkcs7Pem } from './x509/pkcs7.js';
import { readStoredCertificate } from './x509/stored-certificate.js';

/** MOSIP's `mosip.pms.certificate.id.regex` for the trust-path download. */
const CERTIFICATE_ID = /^[a-zA-Z0-9-]{1,36}$/;
/** A trust path is at most as long as path validation allows. */
const MAX_TRUST_PATH = 5;

/**
 * `GET /trust-chain-certificates/{certificateId}/certificateFile` (keymanager getCACertificateTrustPath): the
 * certificate and its issuers up to the root, as a PEM PKCS#7.
 */
export async function downloadTrustPath(deps: Pick<CertificateReadDeps, 'certificates' | 'clock'>, certificateId: string) {
  if (!CERTIFICATE_ID.test(certificateId)) throw new PmsError(withArguments(CERTIFICATE_ERRORS.INVALID_INPUT_FORMAT, 'certificateId', CERTIFICATE_ID.source));
  const path: CaCertificate[] = [];
  let next = await deps.certificates.getCaCertificate(certificateId);
  if (!next) throw new PmsError(CERTIFICATE_ERRORS.CA_CERT_ID_NOT_FOUND);
  while (next && path.length < MAX_TRUST_PATH) {
    path.push(next);
    if (next.issuerId === next.certId) break;
    next = await deps.certificates.getCaCertificate(next.issuerId);
  }
  const ders = path.map((cert) => readStoredCertificate(cert.pem).der);
  return { p7bFile: pkcs7Pem(encodeCertsOnlyPkcs7(ders)), timestamp: localDateTime(deps.clock.now().toISOString()) };
}
