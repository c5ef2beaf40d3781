import { createHash, createPublicKey, type JsonWebKey } from 'node:crypto';
import { OIDC_CLIENT_ERRORS } from '../../errors/oidc-client-errors.js';
import { PmsError } from '../../errors/pms-error.js';

/**
 * The public members we keep of an RSA JWK (RFC 7517 and 7518): the key itself and its optional metadata. Anything
 * else is dropped, private members (d, p, q, dp, dq, qi, oth) included: a client that sends its whole key pair, as
 * MOSIP's own test rig does and MOSIP stores and forwards, is registered with its public key only.
 */
const KEPT_MEMBERS = ['kty', 'kid', 'use', 'alg', 'e', 'n'] as const;

export type ClientPublicKey =
  | {
      /** The public JWK as stored: its public members only. */
      jwk: Record<string, string>;
      clientId: string;
      rsa: true;
    }
  /** A well-formed JWK of another type: eSignet refuses it (invalid_public_key), once PMS's own checks passed. */
  | { rsa: false };

/**
 * The client's public key, checked as MOSIP then eSignet check it (ClientManagementServiceImpl#getJWKString and
 * #createPublicKeyFromJWK, eSignet's IdentityProviderUtil#getJWKString):
 * - not a JWK at all (no kty, members of the wrong type, a modulus or exponent that is not base64url): PMS_ESI_007;
 * - private members are dropped, never stored, sent to eSignet or answered (ours: MOSIP keeps them);
 * - an EC or OKP key: MOSIP accepts it and eSignet refuses it with invalid_public_key, which MOSIP passes on; the
 *   caller answers that code where eSignet would, after PMS's own checks (and without calling eSignet).
 * The client id is derived as MOSIP derives it: SHA-256 over the standard base64 of the key's SubjectPublicKeyInfo
 * DER, in base64url without padding, so one key can never register two clients.
 */
export function clientPublicKey(jwk: Record<string, unknown>): ClientPublicKey {
  const failed = () => new PmsError(OIDC_CLIENT_ERRORS.FAILED_TO_PROCESS_JWK);
  if (typeof jwk.kty !== 'string') throw failed();
  for (const [member, value] of Object.entries(jwk)) {
    if ((KEPT_MEMBERS as readonly string[]).includes(member) && typeof value !== 'string') throw failed();
  }
  if (jwk.kty !== 'RSA') {
    if (!['EC', 'OKP'].includes(jwk.kty)) throw failed();
    return { rsa: false };
  }
  const kept = Object.fromEntries(KEPT_MEMBERS.filter((member) => typeof jwk[member] === 'string').map((member) => [member, jwk[member] as string]));
  if (!isBase64Url(kept.n) || !isBase64Url(kept.e)) throw failed();
  let der: Buffer;
  try {
    der = createPublicKey({ key: { kty: 'RSA', n: kept.n, e: kept.e } as JsonWebKey, format: 'jwk' }).export({ type: 'spki', format: 'der' });
  } catch {
    throw failed();
  }
  return { jwk: kept, clientId: clientIdOf(der), rsa: true };
}

/** MOSIP's client id: base64url (no padding) of SHA-256 over the standard base64 string of the SPKI DER. */
export function clientIdOf(spkiDer: Buffer): string {
  return createHash('sha256').update(spkiDer.toString('base64'), 'utf8').digest('base64url');
}

function isBase64Url(value: string | undefined): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]+$/.test(value);
}
