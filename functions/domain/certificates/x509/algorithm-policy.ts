import { CERTIFICATE_ERRORS } from '../../../errors/certificate-errors.js';
import type { ParsedCertificate } from './parsed-certificate.js';
import { refusal } from './refusal.js';
import { signatureSchemeOf } from './signature-algorithms.js';

export const MIN_RSA_BITS = 2048;
/** Larger keys buy nothing a PMS partner needs and make every verification slower (KMS itself stops at 4096). */
export const MAX_RSA_BITS = 8192;

/**
 * Our algorithm and key policy, for CA and partner certificates alike (MOSIP checks partner certificates only, and
 * only SHA-2 by name): signatures RSA PKCS#1 v1.5 / RSA-PSS / ECDSA with SHA-256, -384 or -512, or Ed25519
 * (KER-PCM-014); keys RSA 2048 to 8192 bits (smaller: KER-PCM-013) in whole octets (KER-PCM-121: every CA and HSM
 * makes moduli of 8k bits, and an odd length is the mark of a crafted key), EC on P-256 or P-384, or Ed25519 (KER-PCM-114).
 * MOSIP refuses SHA-384/512 on partner certificates; we accept them on purpose. P-521 is refused like in Mozilla's
 * root store policy and webpki: nothing in MOSIP uses it, and KER-PCM-114's message promises P-256/P-384.
 */
export function checkAlgorithmsAndKey(cert: ParsedCertificate): void {
  const scheme = signatureSchemeOf(cert.signatureAlgorithmOid, cert.signatureAlgorithmParameters);
  if ('refused' in scheme) throw refusal(CERTIFICATE_ERRORS.CERT_SIGNATURE_ALGO_NOT_ALLOWED, `${cert.subject.text}: ${scheme.refused}`);
  checkKey(cert);
}

function checkKey(cert: ParsedCertificate): void {
  const { publicKey, subject } = cert;
  switch (publicKey.type) {
    case 'RSA':
      if (publicKey.rsaBits! < MIN_RSA_BITS)
        throw refusal(CERTIFICATE_ERRORS.CERT_KEY_NOT_ALLOWED, `${subject.text}: ${publicKey.description}, at least ${MIN_RSA_BITS} bits`);
      if (publicKey.rsaBits! > MAX_RSA_BITS)
        throw refusal(CERTIFICATE_ERRORS.UNSUPPORTED_KEY_TYPE, `${subject.text}: ${publicKey.description}, at most ${MAX_RSA_BITS} bits`);
      if (publicKey.rsaBits! % 8 !== 0)
        throw refusal(CERTIFICATE_ERRORS.RSA_MODULUS_NOT_WHOLE_OCTETS, `${subject.text}: ${publicKey.description}, not a multiple of 8 bits`);
      return;
    case 'EC':
      if (publicKey.curve !== 'P-256' && publicKey.curve !== 'P-384')
        throw refusal(CERTIFICATE_ERRORS.UNSUPPORTED_KEY_TYPE, `${subject.text}: ${publicKey.description}`);
      return;
    case 'Ed25519':
      return;
    case 'unsupported':
      throw refusal(CERTIFICATE_ERRORS.UNSUPPORTED_KEY_TYPE, `${subject.text}: ${publicKey.description}`);
  }
}
