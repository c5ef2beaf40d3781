import { constants, createPublicKey, type KeyObject, verify } from 'node:crypto';
import type { CertificatePublicKey, ParsedCertificate } from './parsed-certificate.js';
import { signatureSchemeOf } from './signature-algorithms.js';

const keyObjects = new WeakMap<CertificatePublicKey, KeyObject>();

/**
 * Whether the issuer's key made the certificate's signature, with the certificate's own algorithm. The algorithm
 * must be allowed and belong to the key's family: node:crypto would otherwise verify an ECDSA signature labelled
 * sha256WithRSAEncryption with an EC key. Never throws.
 */
export function verifySignedBy(cert: ParsedCertificate, issuerKey: CertificatePublicKey): boolean {
  const scheme = signatureSchemeOf(cert.signatureAlgorithmOid, cert.signatureAlgorithmParameters);
  if ('refused' in scheme || scheme.family !== issuerKey.type) return false;
  try {
    const key = keyObjectOf(issuerKey);
    switch (scheme.family) {
      case 'Ed25519':
        return verify(null, cert.tbsDer, key, cert.signatureValue);
      case 'EC':
        return verify(scheme.hash, cert.tbsDer, { key, dsaEncoding: 'der' }, cert.signatureValue);
      case 'RSA':
        // PSS in node:crypto uses MGF1 with the message hash, which is the only PSS variant signatureSchemeOf allows.
        return scheme.padding === 'pss'
          ? verify(scheme.hash, cert.tbsDer, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: scheme.saltLength }, cert.signatureValue)
          : verify(scheme.hash, cert.tbsDer, { key, padding: constants.RSA_PKCS1_PADDING }, cert.signatureValue);
    }
  } catch {
    return false;
  }
}

function keyObjectOf(publicKey: CertificatePublicKey): KeyObject {
  let key = keyObjects.get(publicKey);
  if (!key) {
    key = createPublicKey({ key: Buffer.from(publicKey.spkiDer), format: 'der', type: 'spki' });
    keyObjects.set(publicKey, key);
  }
  return key;
}
