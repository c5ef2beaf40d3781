/**
 * The certificate part of `npm run bench`: validation + re-signing of a three-certificate chain (root,
 * intermediate, partner) with the local signer, next to node:crypto verifying the same chain's two signatures, and
 * the worst path search we know (issue #19: a pool of same-subject, same-key intermediates). A report, never a test.
 */
import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import { localKeySigner } from '../functions/adapters/signing/local-key-signer.js';
import { issueCertificate } from '../functions/domain/certificates/certificate-issuer.js';
import { resigningSubject } from '../functions/domain/certificates/leaf-certificate.js';
import { ensurePmsCa, type PmsCa } from '../functions/domain/certificates/pms-ca.js';
import { resignedPartnerCertificate } from '../functions/domain/certificates/resigned-partner-certificate.js';
import { parseCertificateData } from '../functions/domain/certificates/x509/certificate-data.js';
import { parseCertificate } from '../functions/domain/certificates/x509/parse-certificate.js';
import { validatePath } from '../functions/domain/certificates/x509/path-validation.js';
import { CERTIFICATE_ERRORS } from '../functions/errors/certificate-errors.js';
import { PmsError } from '../functions/errors/pms-error.js';
import { type ForgedCertificate, forgeCertificate, forgeTrustChain } from '../local/certificate-forge.js';

const RUN_MS = 2000;

/** Operations per second of `operation`, run back to back for about RUN_MS after a short warm-up. */
async function perSecond(operation: () => unknown): Promise<number> {
  for (let i = 0; i < 5; i++) await operation();
  let count = 0;
  const start = performance.now();
  while (performance.now() - start < RUN_MS) {
    await operation();
    count++;
  }
  return (count * 1000) / (performance.now() - start);
}

export async function certificateBench(): Promise<string[][]> {
  const now = new Date();
  const chain = forgeTrustChain({ organization: 'Bench Bank', at: now });
  const trust = { anchors: [parseCertificate(chain.root.der)], intermediates: [parseCertificate(chain.intermediate.der)] };
  const signer = localKeySigner(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey);
  let stored: PmsCa | undefined;
  const pmsCa = await ensurePmsCa({
    store: {
      get: async () => stored,
      putIfAbsent: async (ca) => {
        stored = ca;
        return true;
      },
    },
    rootSigner: localKeySigner(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey),
    issuingSigner: signer,
    clock: { now: () => now },
  });

  const [leafX509, intermediateX509, rootX509] = [chain.leaf, chain.intermediate, chain.root].map((cert) => new X509Certificate(cert.pem)) as [
    X509Certificate,
    X509Certificate,
    X509Certificate,
  ];
  const baseline = await perSecond(() => leafX509.verify(intermediateX509.publicKey) && intermediateX509.verify(rootX509.publicKey));
  const validate = () => {
    const [leaf] = parseCertificateData(chain.leaf.pem);
    return { leaf: leaf!, path: validatePath(leaf!, trust, { at: now, missingPathError: CERTIFICATE_ERRORS.ROOT_INTER_CA_NOT_FOUND }) };
  };
  const validation = await perSecond(validate);
  const validationAndResigning = await perSecond(async () => {
    const { leaf } = validate();
    return issueCertificate(
      resignedPartnerCertificate({
        subject: resigningSubject(leaf),
        subjectPublicKeyInfo: leaf.publicKey.spkiDer,
        partnerDomain: 'AUTH',
        issuerCertificate: pmsCa.issuing,
        now,
      }),
      signer,
    );
  });
  const pool = sameKeyPool(100, now);
  const parsedPool = pool.intermediates.map((cert) => parseCertificate(cert.der));
  const refuse = (intermediates: () => ReturnType<typeof parseCertificate>[]) => () => {
    try {
      validatePath(
        parseCertificate(pool.target.der),
        { anchors: trust.anchors, intermediates: intermediates() },
        { at: now, missingPathError: CERTIFICATE_ERRORS.ROOT_INTER_CA_NOT_FOUND },
      );
    } catch (error) {
      if (error instanceof PmsError && error.code === CERTIFICATE_ERRORS.VALIDATION_BUDGET_EXCEEDED.code) return;
      throw error;
    }
    throw new Error('the pool was not refused by the budget');
  };
  const worstSearch = await perSecond(refuse(() => parsedPool));
  const worstSearchWithStore = await perSecond(refuse(() => pool.intermediates.map((cert) => parseCertificate(cert.der))));

  const row = (name: string, rate: number) => [name, rate.toFixed(0), (1000 / rate).toFixed(2), (baseline / rate).toFixed(1)];
  return [
    row('node:crypto X509Certificate.verify of the chain (baseline: 2 signature checks)', baseline),
    row('our parse + RFC 5280 path validation of the partner certificate', validation),
    row('our parse + path validation + re-signing with the local signer (RSA-2048)', validationAndResigning),
    row('worst path search: 100 same-subject, same-key intermediates, no anchor, refused (KER-PCM-112)', worstSearch),
    row('the same, parsing the 100-certificate trust store first as an upload does', worstSearchWithStore),
  ];
}

/** CAs named like their issuer and sharing its key, none trusted: each verifies every other, the search's worst case. */
function sameKeyPool(size: number, now: Date): { intermediates: ForgedCertificate[]; target: ForgedCertificate } {
  const validity = { notBefore: new Date(now.getTime() - 60_000), notAfter: new Date(now.getTime() + 365 * 24 * 3600_000) };
  const top = forgeCertificate({ subject: 'CN=Pool CA,O=Bench,C=IN', keySlot: 'bench-pool', ca: true, ...validity });
  const intermediates = Array.from({ length: size }, () =>
    forgeCertificate({ subject: 'CN=Pool CA,O=Bench,C=IN', issuer: top, keySlot: 'bench-pool', ca: true, ...validity }),
  );
  return { intermediates, target: forgeCertificate({ subject: 'CN=Pool Leaf,O=Bench,C=IN', issuer: top, ...validity }) };
}
