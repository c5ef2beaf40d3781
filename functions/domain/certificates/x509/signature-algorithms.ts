import { id_ecdsaWithSHA1, id_ecdsaWithSHA224, id_ecdsaWithSHA256, id_ecdsaWithSHA384, id_ecdsaWithSHA512 } from '@peculiar/asn1-ecc';
import {
  id_md2WithRSAEncryption,
  id_md5WithRSAEncryption,
  id_mgf1,
  id_RSASSA_PSS,
  id_sha1WithRSAEncryption,
  id_sha224WithRSAEncryption,
  id_sha256,
  id_sha256WithRSAEncryption,
  id_sha384,
  id_sha384WithRSAEncryption,
  id_sha512,
  id_sha512WithRSAEncryption,
  RsaSaPssParams,
} from '@peculiar/asn1-rsa';
import { AsnConvert } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier } from '@peculiar/asn1-x509';
import { isDerNull, parametersDer } from './bytes.js';
import { ID_ED25519 } from './public-key.js';

export type HashName = 'sha256' | 'sha384' | 'sha512';

/** An allowed signature algorithm, as node:crypto needs it to verify; the key family must match the issuer's key. */
export type SignatureScheme =
  | { family: 'RSA'; padding: 'pkcs1'; hash: HashName }
  | { family: 'RSA'; padding: 'pss'; hash: HashName; saltLength: number }
  | { family: 'EC'; hash: HashName }
  | { family: 'Ed25519' };

const HASH_LENGTHS: Record<HashName, number> = { sha256: 32, sha384: 48, sha512: 64 };
const HASHES_BY_OID: Record<string, HashName> = { [id_sha256]: 'sha256', [id_sha384]: 'sha384', [id_sha512]: 'sha512' };

const RSA_PKCS1: Record<string, HashName> = {
  [id_sha256WithRSAEncryption]: 'sha256',
  [id_sha384WithRSAEncryption]: 'sha384',
  [id_sha512WithRSAEncryption]: 'sha512',
};
const ECDSA: Record<string, HashName> = { [id_ecdsaWithSHA256]: 'sha256', [id_ecdsaWithSHA384]: 'sha384', [id_ecdsaWithSHA512]: 'sha512' };

/** Names for the refusal detail, so a partner reads "sha1WithRSAEncryption" rather than an OID. */
const REFUSED_NAMES: Record<string, string> = {
  [id_md2WithRSAEncryption]: 'md2WithRSAEncryption',
  [id_md5WithRSAEncryption]: 'md5WithRSAEncryption',
  [id_sha1WithRSAEncryption]: 'sha1WithRSAEncryption',
  [id_sha224WithRSAEncryption]: 'sha224WithRSAEncryption',
  [id_ecdsaWithSHA1]: 'ecdsa-with-SHA1',
  [id_ecdsaWithSHA224]: 'ecdsa-with-SHA224',
  '1.2.840.10040.4.3': 'dsa-with-sha1',
  '2.16.840.1.101.3.4.3.1': 'dsa-with-sha224',
  '2.16.840.1.101.3.4.3.2': 'dsa-with-sha256',
  '1.3.101.113': 'Ed448',
};

/**
 * The scheme of an allowed algorithm, or why it is not allowed: RSA PKCS#1 v1.5 and RSA-PSS with SHA-256/384/512,
 * ECDSA with SHA-256/384/512, Ed25519. Parameters must be what the RFCs prescribe (RFC 4055, 5758, 8410).
 */
export function signatureSchemeOf(oid: string, parameters: Uint8Array | null): SignatureScheme | { refused: string } {
  const pkcs1Hash = RSA_PKCS1[oid];
  if (pkcs1Hash) {
    // RFC 4055 §5 says NULL; some encoders leave the parameters out, which is harmless.
    if (parameters && !isDerNull(parameters)) return { refused: `${oid} with parameters other than NULL` };
    return { family: 'RSA', padding: 'pkcs1', hash: pkcs1Hash };
  }
  const ecdsaHash = ECDSA[oid];
  if (ecdsaHash) return parameters ? { refused: `${oid} with parameters` } : { family: 'EC', hash: ecdsaHash };
  if (oid === ID_ED25519) return parameters ? { refused: 'Ed25519 with parameters' } : { family: 'Ed25519' };
  if (oid === id_RSASSA_PSS) return pssScheme(parameters);
  return { refused: REFUSED_NAMES[oid] ?? oid };
}

/**
 * RSASSA-PSS (RFC 4055 §3.1) with the same SHA-2 hash for the message and MGF1, a salt as long as the hash (the
 * CA/Browser Forum's encodings) and trailerField 1. The defaults of an absent field are SHA-1, so they are refused.
 */
function pssScheme(parameters: Uint8Array | null): SignatureScheme | { refused: string } {
  if (!parameters) return { refused: 'RSASSA-PSS without parameters (SHA-1 defaults)' };
  let params: RsaSaPssParams;
  let mgfHash: AlgorithmIdentifier;
  try {
    params = AsnConvert.parse(parameters, RsaSaPssParams);
    const mgfParameters = parametersDer(params.maskGenAlgorithm.parameters);
    if (params.maskGenAlgorithm.algorithm !== id_mgf1 || !mgfParameters) return { refused: 'RSASSA-PSS with a mask generation other than MGF1' };
    mgfHash = AsnConvert.parse(mgfParameters, AlgorithmIdentifier);
  } catch {
    return { refused: 'RSASSA-PSS with unreadable parameters' };
  }
  const hash = hashOf(params.hashAlgorithm);
  if (!hash) return { refused: `RSASSA-PSS with hash ${params.hashAlgorithm.algorithm}` };
  if (hashOf(mgfHash) !== hash) return { refused: `RSASSA-PSS with MGF1 over ${mgfHash.algorithm}, not the message hash ${hash}` };
  if (params.saltLength !== HASH_LENGTHS[hash])
    return { refused: `RSASSA-PSS with a ${params.saltLength}-byte salt (expected ${HASH_LENGTHS[hash]} for ${hash})` };
  if (params.trailerField !== 1) return { refused: `RSASSA-PSS with trailerField ${params.trailerField}` };
  return { family: 'RSA', padding: 'pss', hash, saltLength: params.saltLength };
}

/** A SHA-2 hash identifier whose parameters are absent or NULL (RFC 4055 §2.1 allows both). */
function hashOf(identifier: AlgorithmIdentifier): HashName | undefined {
  const parameters = parametersDer(identifier.parameters);
  if (parameters && !isDerNull(parameters)) return undefined;
  return HASHES_BY_OID[identifier.algorithm];
}
