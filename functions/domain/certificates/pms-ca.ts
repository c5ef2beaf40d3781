/**
 * The PMS CA hierarchy: "PMS ROOT" (self-signed) signs "PMS ISSUING", which re-signs partner certificates.
 *
 * - Subjects: `O=MOSIP PMS, CN=PMS ROOT CA` and `O=MOSIP PMS, CN=PMS ISSUING CA`. No C: a deployment's country is
 *   not ours to guess, and nothing that validates the chain needs one.
 * - Validity from the first start: ROOT 10 years, ISSUING 5 years. Re-signed certificates last 1 year and the issuer
 *   refuses one that would outlive ISSUING, so ISSUING must be renewed (rotation runbook) within 4 years.
 * - pathLenConstraint: ROOT 1 (ISSUING is the only CA below it), ISSUING 0. MOSIP's re-signed partner certificates
 *   carry cA=true and keyCertSign; as the end of a path they are not counted, so
 *   `openssl verify -CAfile root -untrusted issuing partner` accepts them. A certificate the partner signs with its
 *   own key below one would make the re-signed certificate an intermediate, which either constraint rejects: a
 *   partner cannot mint certificates that chain to PMS ROOT.
 * - Key usage: keyCertSign and cRLSign only; the CA keys sign nothing else.
 */
import { createPublicKey, X509Certificate } from 'node:crypto';
import type { Clock } from '../ports.js';
import { issueCertificate, randomSerialNumber, type SubjectAttribute } from './certificate-issuer.js';
import type { CertificateSigner } from './signer.js';

/** DER certificates. */
export interface PmsCa {
  root: Uint8Array;
  issuing: Uint8Array;
}

export interface PmsCaStore {
  get(): Promise<PmsCa | undefined>;
  /** Stores the hierarchy unless one is stored already; false when another writer got there first. */
  putIfAbsent(ca: PmsCa, createdAt: string): Promise<boolean>;
}

export interface PmsCaDeps {
  store: PmsCaStore;
  rootSigner: CertificateSigner;
  issuingSigner: CertificateSigner;
  clock: Clock;
}

/** The stored hierarchy was made with other keys than the signers hold now. */
export class PmsCaKeyMismatchError extends Error {
  constructor(readonly role: 'ROOT' | 'ISSUING') {
    super(
      `the stored PMS ${role} CA certificate does not hold the public key of the ${role} signing key: the key was replaced. ` +
        'Follow the CA key rotation runbook (new certificates for the new key) instead of starting with a replaced key.',
    );
    this.name = 'PmsCaKeyMismatchError';
  }
}

export const ROOT_SUBJECT: SubjectAttribute[] = [
  { type: 'O', value: 'MOSIP PMS' },
  { type: 'CN', value: 'PMS ROOT CA' },
];
export const ISSUING_SUBJECT: SubjectAttribute[] = [
  { type: 'O', value: 'MOSIP PMS' },
  { type: 'CN', value: 'PMS ISSUING CA' },
];
const ROOT_VALIDITY_YEARS = 10;
const ISSUING_VALIDITY_YEARS = 5;

/**
 * Returns the stored hierarchy, or creates ROOT (self-signed by rootSigner) and ISSUING (signed by ROOT) and stores
 * them; concurrent first starts end with one stored hierarchy (the loser re-reads). A stored hierarchy whose public
 * keys do not match the signers is an error that says so (keys were replaced: see the rotation runbook).
 */
export async function ensurePmsCa(deps: PmsCaDeps): Promise<PmsCa> {
  const stored = await deps.store.get();
  if (stored) return matchingSigners(stored, deps);
  const now = deps.clock.now();
  const created = await createPmsCa(deps, now);
  if (await deps.store.putIfAbsent(created, now.toISOString())) return created;
  const winner = await deps.store.get();
  if (!winner) throw new Error('the PMS CA hierarchy was stored by another writer but cannot be read back');
  return matchingSigners(winner, deps);
}

async function createPmsCa(deps: PmsCaDeps, now: Date): Promise<PmsCa> {
  const root = await issueCertificate(
    {
      subject: ROOT_SUBJECT,
      subjectPublicKeyInfo: await deps.rootSigner.publicKey(),
      notBefore: now,
      notAfter: yearsAfter(now, ROOT_VALIDITY_YEARS),
      serialNumber: randomSerialNumber(),
      basicConstraints: { cA: true, pathLenConstraint: 1 },
      keyUsage: ['keyCertSign', 'cRLSign'],
    },
    deps.rootSigner,
  );
  const issuing = await issueCertificate(
    {
      subject: ISSUING_SUBJECT,
      subjectPublicKeyInfo: await deps.issuingSigner.publicKey(),
      issuerCertificate: root,
      notBefore: now,
      notAfter: yearsAfter(now, ISSUING_VALIDITY_YEARS),
      serialNumber: randomSerialNumber(),
      basicConstraints: { cA: true, pathLenConstraint: 0 },
      keyUsage: ['keyCertSign', 'cRLSign'],
    },
    deps.rootSigner,
  );
  return { root, issuing };
}

async function matchingSigners(ca: PmsCa, deps: PmsCaDeps): Promise<PmsCa> {
  await assertHoldsKeyOf(ca.root, deps.rootSigner, 'ROOT');
  await assertHoldsKeyOf(ca.issuing, deps.issuingSigner, 'ISSUING');
  return ca;
}

async function assertHoldsKeyOf(certificate: Uint8Array, signer: CertificateSigner, role: 'ROOT' | 'ISSUING'): Promise<void> {
  const signerKey = createPublicKey({ key: Buffer.from(await signer.publicKey()), format: 'der', type: 'spki' });
  if (!new X509Certificate(certificate).publicKey.equals(signerKey)) throw new PmsCaKeyMismatchError(role);
}

function yearsAfter(date: Date, years: number): Date {
  const later = new Date(date);
  later.setUTCFullYear(later.getUTCFullYear() + years);
  return later;
}
