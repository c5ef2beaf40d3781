import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { id_mgf1, id_RSASSA_PSS, RsaSaPssParams } from '@peculiar/asn1-rsa';
import { AsnConvert } from '@peculiar/asn1-schema';
import {
  AccessDescription,
  AlgorithmIdentifier,
  AuthorityInfoAccessSyntax,
  GeneralName,
  GeneralSubtree,
  GeneralSubtrees,
  id_ad_caIssuers,
  id_ce_authorityKeyIdentifier,
  id_ce_nameConstraints,
  id_ce_policyConstraints,
  id_ce_subjectAltName,
  id_ce_subjectKeyIdentifier,
  id_pe_authorityInfoAccess,
  Name,
  NameConstraints,
  SubjectAlternativeName,
  type TBSCertificate,
} from '@peculiar/asn1-x509';
import { checkAlgorithmsAndKey } from '../../functions/domain/certificates/x509/algorithm-policy.js';
import { checkCertificateProfile } from '../../functions/domain/certificates/x509/certificate-profile.js';
import {
  checkCaCertificate,
  checkEndEntityCertificate,
  checkRootKeyIdentifiers,
  isSelfSigned,
} from '../../functions/domain/certificates/x509/certificate-roles.js';
import { parseCertificate } from '../../functions/domain/certificates/x509/parse-certificate.js';
import type { ParsedCertificate } from '../../functions/domain/certificates/x509/parsed-certificate.js';
import { type PathValidationOptions, type ValidatedPath, validatePath, verifySignedBy } from '../../functions/domain/certificates/x509/path-validation.js';
import { CERTIFICATE_ERRORS } from '../../functions/errors/certificate-errors.js';
import { PmsError } from '../../functions/errors/pms-error.js';
import {
  algorithmIdentifier,
  explicitCurveSpki,
  type ForgedCertificate,
  type ForgeKeyType,
  type ForgeOptions,
  forgeCertificate,
  forgeKeyPair,
  forgeTrustChain,
} from '../../local/certificate-forge.js';

const SHA256 = '2.16.840.1.101.3.4.2.1';
const SHA512 = '2.16.840.1.101.3.4.2.3';
const EXTENDED_KEY_USAGE = '2.5.29.37';
/** SEQUENCE { id-kp-clientAuth }. */
const CLIENT_AUTH_PURPOSE = Uint8Array.of(0x30, 0x0a, 0x06, 0x08, 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x02);
const AT = new Date('2026-06-01T12:00:00.000Z');
const DAY_MS = 24 * 60 * 60 * 1000;
const VALID = { notBefore: new Date(AT.getTime() - 30 * DAY_MS), notAfter: new Date(AT.getTime() + 365 * DAY_MS) };
const MISSING = CERTIFICATE_ERRORS.ROOT_INTER_CA_NOT_FOUND;

const ROOT_NAME = 'CN=Test Root CA,O=Test Trust,C=IN';
const INTERMEDIATE_NAME = 'CN=Test Intermediate CA,O=Test Trust,C=IN';
const LEAF_NAME = 'CN=Partner Device,OU=Devices,O=Partner Org,L=Pune,ST=Maharashtra,C=IN';

function root(options: ForgeOptions = {}): ForgedCertificate {
  return forgeCertificate({ subject: ROOT_NAME, keySlot: 'root', ca: true, ...VALID, ...options });
}

function intermediate(issuer: ForgedCertificate, options: ForgeOptions = {}): ForgedCertificate {
  return forgeCertificate({ subject: INTERMEDIATE_NAME, issuer, keySlot: 'intermediate', ca: true, ...VALID, ...options });
}

function leaf(issuer: ForgedCertificate, options: ForgeOptions = {}): ForgedCertificate {
  return forgeCertificate({ subject: LEAF_NAME, issuer, keySlot: 'leaf', ...VALID, ...options });
}

function parsed(certificate: ForgedCertificate): ParsedCertificate {
  return parseCertificate(certificate.der);
}

function validate(
  target: ForgedCertificate,
  anchors: ForgedCertificate[],
  intermediates: ForgedCertificate[] = [],
  options: Partial<PathValidationOptions> = {},
): ValidatedPath {
  return validatePath(
    parsed(target),
    { anchors: anchors.map(parsed), intermediates: intermediates.map(parsed) },
    { at: AT, missingPathError: MISSING, ...options },
  );
}

/** The refusal of a synchronous operation; anything but a PmsError fails the test. */
function errorOf(action: () => unknown): PmsError {
  try {
    action();
  } catch (error) {
    assert.ok(error instanceof PmsError, `expected a PmsError, got ${String(error)}`);
    return error;
  }
  return assert.fail('expected a refusal');
}

/** The code a synchronous operation is refused with. */
function refusedWith(action: () => unknown): string {
  return errorOf(action).code;
}

function subjects(path: ValidatedPath): string[] {
  return path.chain.map((cert) => cert.subject.text);
}

const ROOT = root();
const INTERMEDIATE = intermediate(ROOT);
const LEAF = leaf(INTERMEDIATE);

describe('path validation: a good chain', () => {
  test('leaf → intermediate → anchor, target first and anchor last, two signature checks', () => {
    const path = validate(LEAF, [ROOT], [INTERMEDIATE]);
    assert.deepEqual(subjects(path), [
      'CN=Partner Device,OU=Devices,O=Partner Org,L=Pune,ST=Maharashtra,C=IN',
      'CN=Test Intermediate CA,O=Test Trust,C=IN',
      'CN=Test Root CA,O=Test Trust,C=IN',
    ]);
    assert.equal(path.signatureChecks, 2);
  });

  test('a target that is itself an anchor is a path of length 1 without signature checks', () => {
    const path = validate(ROOT, [ROOT]);
    assert.equal(path.chain.length, 1);
    assert.equal(path.signatureChecks, 0);
  });

  test('an intermediate CA upload chains to its root (path of 2)', () => {
    assert.deepEqual(subjects(validate(INTERMEDIATE, [ROOT], [], { missingPathError: CERTIFICATE_ERRORS.ROOT_CA_NOT_FOUND })), [INTERMEDIATE_NAME, ROOT_NAME]);
  });

  test('the anchor is matched by its bytes even when the intermediates list also holds it', () => {
    assert.equal(validate(LEAF, [ROOT], [INTERMEDIATE, ROOT]).chain.length, 3);
  });

  test('an intermediate trusted as an anchor ends the path there', () => {
    assert.deepEqual(subjects(validate(LEAF, [INTERMEDIATE], [ROOT])), [LEAF_NAME, INTERMEDIATE_NAME]);
  });

  test('forgeTrustChain gives a chain that validates', () => {
    const chain = forgeTrustChain({ organization: 'Chain Org', at: AT });
    const path = validate(chain.leaf, [chain.root], [chain.intermediate]);
    assert.equal(path.chain.length, 3);
    checkEndEntityCertificate(path.chain[0]!);
    checkCaCertificate(path.chain[1]!);
    checkCaCertificate(path.chain[2]!);
  });
});

describe('path validation: validity at one clock, bounds inclusive', () => {
  const notBefore = new Date('2026-06-01T12:00:00.000Z');
  const notAfter = new Date('2027-06-01T12:00:00.000Z');
  const bounded = leaf(INTERMEDIATE, { notBefore, notAfter });

  test('exactly at notBefore passes', () => {
    assert.equal(validate(bounded, [ROOT], [INTERMEDIATE], { at: notBefore }).chain.length, 3);
  });

  test('exactly at notAfter passes', () => {
    assert.equal(validate(bounded, [ROOT], [INTERMEDIATE], { at: notAfter }).chain.length, 3);
  });

  test('half a second after notAfter is still notAfter at the certificate’s second precision; half a second before notBefore is not yet valid', () => {
    assert.equal(validate(bounded, [ROOT], [INTERMEDIATE], { at: new Date(notAfter.getTime() + 500) }).chain.length, 3);
    assert.equal(validate(bounded, [ROOT], [INTERMEDIATE], { at: new Date(notAfter.getTime() + 999) }).chain.length, 3);
    assert.equal(
      refusedWith(() => validate(bounded, [ROOT], [INTERMEDIATE], { at: new Date(notBefore.getTime() - 500) })),
      'KER-PCM-004',
    );
  });

  test('expired by one second: KER-PCM-004', () => {
    assert.equal(
      refusedWith(() => validate(bounded, [ROOT], [INTERMEDIATE], { at: new Date(notAfter.getTime() + 1000) })),
      'KER-PCM-004',
    );
  });

  test('not yet valid by one second: KER-PCM-004', () => {
    assert.equal(
      refusedWith(() => validate(bounded, [ROOT], [INTERMEDIATE], { at: new Date(notBefore.getTime() - 1000) })),
      'KER-PCM-004',
    );
  });

  test('an expired intermediate: KER-PCM-004', () => {
    const expired = intermediate(ROOT, { notAfter: new Date(AT.getTime() - 1000) });
    assert.equal(
      refusedWith(() => validate(leaf(expired), [ROOT], [expired])),
      'KER-PCM-004',
    );
  });

  test('an expired anchor: KER-PCM-004', () => {
    const expiredRoot = root({ notAfter: new Date(AT.getTime() - 1000) });
    const issued = intermediate(expiredRoot);
    assert.equal(
      refusedWith(() => validate(leaf(issued), [expiredRoot], [issued])),
      'KER-PCM-004',
    );
  });

  test('an anchor that is not yet valid: KER-PCM-004', () => {
    const futureRoot = root({ notBefore: new Date(AT.getTime() + DAY_MS) });
    assert.equal(
      refusedWith(() => validate(intermediate(futureRoot), [futureRoot])),
      'KER-PCM-004',
    );
  });

  test('the detail names the certificate and its dates', () => {
    assert.throws(
      () => validate(bounded, [ROOT], [INTERMEDIATE], { at: new Date(notAfter.getTime() + 1000) }),
      (error: unknown) =>
        error instanceof PmsError &&
        /^Certificate Dates are not valid\. \(CN=Partner Device,.*: valid from 2026-06-01T12:00:00\.000Z to 2027-06-01T12:00:00\.000Z, checked at 2027-06-01T12:00:01\.000Z\)$/.test(
          error.message,
        ),
    );
  });
});

describe('path validation: every issuer is a v3 CA with keyCertSign', () => {
  test('a version 1 intermediate: KER-PCM-007', () => {
    const v1 = intermediate(ROOT, { version: 1 });
    assert.equal(
      refusedWith(() => validate(leaf(v1), [ROOT], [v1])),
      'KER-PCM-007',
    );
  });

  test('a version 2 intermediate: KER-PCM-007', () => {
    const v2 = intermediate(ROOT, { version: 2 });
    assert.equal(
      refusedWith(() => validate(leaf(v2), [ROOT], [v2])),
      'KER-PCM-007',
    );
  });

  test('a version 1 anchor: KER-PCM-007', () => {
    const v1Root = root({ version: 1 });
    assert.equal(
      refusedWith(() => validate(intermediate(v1Root), [v1Root])),
      'KER-PCM-007',
    );
  });

  test('an intermediate with cA=false: KER-PCM-104', () => {
    const notCa = intermediate(ROOT, { ca: false, keyUsage: ['keyCertSign', 'cRLSign'] });
    assert.equal(
      refusedWith(() => validate(leaf(notCa), [ROOT], [notCa])),
      'KER-PCM-104',
    );
  });

  test('an intermediate without basicConstraints: KER-PCM-104', () => {
    const noConstraints = intermediate(ROOT, { ca: null, keyUsage: ['keyCertSign', 'cRLSign'] });
    assert.equal(
      refusedWith(() => validate(leaf(noConstraints), [ROOT], [noConstraints])),
      'KER-PCM-104',
    );
  });

  test('an anchor without basicConstraints: KER-PCM-104', () => {
    const looseRoot = root({ ca: null, keyUsage: ['keyCertSign'] });
    assert.equal(
      refusedWith(() => validate(intermediate(looseRoot), [looseRoot])),
      'KER-PCM-104',
    );
  });

  test('an intermediate whose keyUsage lacks keyCertSign: KER-PCM-105', () => {
    const noCertSign = intermediate(ROOT, { keyUsage: ['digitalSignature', 'cRLSign'] });
    assert.equal(
      refusedWith(() => validate(leaf(noCertSign), [ROOT], [noCertSign])),
      'KER-PCM-105',
    );
  });

  test('a CA without keyUsage, anchor or intermediate, is a valid issuer (RFC 5280 §6.1.4 (n))', () => {
    const bareRoot = root({ keyUsage: null, keySlot: 'bare root' });
    const bareIntermediate = intermediate(bareRoot, { keyUsage: null });
    const target = leaf(bareIntermediate);
    const { chain } = validate(target, [bareRoot], [bareIntermediate]);
    assert.deepEqual(
      chain.map((cert) => cert.thumbprintSha256),
      [target, bareIntermediate, bareRoot].map((cert) => parsed(cert).thumbprintSha256),
    );
  });
});

describe('path validation: pathLenConstraint', () => {
  const SUB_NAME = 'CN=Test Sub CA,O=Test Trust,C=IN';

  test('an intermediate with pathLen 0 issuing another CA: KER-PCM-106', () => {
    const capped = intermediate(ROOT, { ca: { pathLen: 0 } });
    const sub = forgeCertificate({ subject: SUB_NAME, issuer: capped, keySlot: 'sub', ca: true, ...VALID });
    assert.equal(
      refusedWith(() => validate(leaf(sub), [ROOT], [capped, sub])),
      'KER-PCM-106',
    );
  });

  test('the same chain passes under pathLen 1', () => {
    const capped = intermediate(ROOT, { ca: { pathLen: 1 } });
    const sub = forgeCertificate({ subject: SUB_NAME, issuer: capped, keySlot: 'sub', ca: true, ...VALID });
    assert.equal(validate(leaf(sub), [ROOT], [capped, sub]).chain.length, 4);
  });

  test('pathLen 0 admits a leaf directly below', () => {
    const capped = intermediate(ROOT, { ca: { pathLen: 0 } });
    assert.equal(validate(leaf(capped), [ROOT], [capped]).chain.length, 3);
  });

  test('an anchor with pathLen 0 above one intermediate: KER-PCM-106', () => {
    const cappedRoot = root({ ca: { pathLen: 0 } });
    const issued = intermediate(cappedRoot);
    assert.equal(
      refusedWith(() => validate(leaf(issued), [cappedRoot], [issued])),
      'KER-PCM-106',
    );
  });

  test('a self-issued intermediate (key rollover) does not count against pathLen', () => {
    const cappedRoot = root({ ca: { pathLen: 0 } });
    const rollover = forgeCertificate({ subject: ROOT_NAME, issuer: cappedRoot, keySlot: 'rollover', ca: true, ...VALID });
    assert.equal(validate(leaf(rollover), [cappedRoot], [rollover]).chain.length, 3);
  });
});

describe('path validation: anchors by their bytes, names by their DER, signatures verified', () => {
  test('a rogue self-signed root with the real root’s name is not an anchor: KER-PCM-110', () => {
    const rogueRoot = root({ keySlot: 'rogue' });
    const rogueIntermediate = intermediate(rogueRoot, { keySlot: 'rogue-intermediate' });
    assert.equal(
      refusedWith(() => validate(leaf(rogueIntermediate), [ROOT], [rogueIntermediate])),
      'KER-PCM-110',
    );
    assert.equal(
      refusedWith(() => validate(leaf(rogueIntermediate), [ROOT], [rogueIntermediate, rogueRoot])),
      'KER-PCM-110',
    );
  });

  test('a leaf signed by another key than its named issuer’s: KER-PCM-110', () => {
    const forged = leaf(INTERMEDIATE, { signingKey: forgeKeyPair('rsa2048', 'impostor').privateKey });
    assert.equal(
      refusedWith(() => validate(forged, [ROOT], [INTERMEDIATE])),
      'KER-PCM-110',
    );
  });

  test('an ECDSA signature labelled sha256WithRSAEncryption does not verify with the EC issuer key: KER-PCM-110', () => {
    const ecIssuer = intermediate(ROOT, { key: 'p256', keySlot: 'ec-issuer' });
    const mislabelled = leaf(ecIssuer, {
      mutateTbs: (tbs) => {
        tbs.signature = algorithmIdentifier('1.2.840.113549.1.1.11', null);
      },
      outerSignatureAlgorithm: algorithmIdentifier('1.2.840.113549.1.1.11', null),
    });
    assert.equal(
      refusedWith(() => validate(mislabelled, [ROOT], [ecIssuer])),
      'KER-PCM-110',
    );
  });

  test('root and intermediate swapped: a root offered as an intermediate is not trusted', () => {
    assert.equal(
      refusedWith(() => validate(LEAF, [], [INTERMEDIATE, ROOT])),
      'KER-PCM-006',
    );
    assert.equal(
      refusedWith(() => validate(ROOT, [INTERMEDIATE], [])),
      'KER-PCM-006',
    );
  });

  test('an intermediate of another domain store (its anchor is not in this TrustStore): missingPathError', () => {
    const deviceRoot = forgeCertificate({ subject: 'CN=Device Root CA,O=Devices,C=IN', keySlot: 'device-root', ca: true, ...VALID });
    const deviceIntermediate = forgeCertificate({ subject: 'CN=Device Sub CA,O=Devices,C=IN', issuer: deviceRoot, keySlot: 'device-sub', ca: true, ...VALID });
    const deviceLeaf = leaf(deviceIntermediate);
    assert.equal(
      refusedWith(() => validate(deviceLeaf, [ROOT], [INTERMEDIATE])),
      'KER-PCM-006',
    );
    assert.equal(
      refusedWith(() => validate(deviceLeaf, [ROOT], [INTERMEDIATE, deviceIntermediate])),
      'KER-PCM-006',
    );
    assert.equal(
      refusedWith(() => validate(deviceIntermediate, [ROOT], [], { missingPathError: CERTIFICATE_ERRORS.ROOT_CA_NOT_FOUND })),
      'KER-PCM-005',
    );
  });

  test('an empty trust store: missingPathError', () => {
    assert.equal(
      refusedWith(() => validate(LEAF, [], [])),
      'KER-PCM-006',
    );
  });

  test('a self-signed partner certificate that is not an anchor: missingPathError', () => {
    const selfSigned = forgeCertificate({ subject: LEAF_NAME, keySlot: 'leaf', ...VALID });
    assert.equal(
      refusedWith(() => validate(selfSigned, [ROOT], [INTERMEDIATE])),
      'KER-PCM-006',
    );
  });

  test('a cycle A ↔ B ends with missingPathError instead of looping', () => {
    const nameA = 'CN=Cycle A,O=Loop,C=IN';
    const nameB = 'CN=Cycle B,O=Loop,C=IN';
    const seedB = forgeCertificate({ subject: nameB, keySlot: 'cycle-b', ca: true, ...VALID });
    const a = forgeCertificate({ subject: nameA, issuer: seedB, keySlot: 'cycle-a', ca: true, ...VALID });
    const b = forgeCertificate({ subject: nameB, issuer: a, keySlot: 'cycle-b', ca: true, ...VALID });
    const target = leaf(a);
    assert.equal(
      refusedWith(() => validate(target, [ROOT], [a, b])),
      'KER-PCM-006',
    );
  });
});

describe('path validation: depth and signature budget', () => {
  function chainOf(intermediates: number): { anchor: ForgedCertificate; cas: ForgedCertificate[]; target: ForgedCertificate } {
    const anchor = root();
    const cas: ForgedCertificate[] = [];
    let issuer = anchor;
    for (let index = 1; index <= intermediates; index += 1) {
      issuer = forgeCertificate({ subject: `CN=Level ${index} CA,O=Depth,C=IN`, issuer, keySlot: `level-${index}`, ca: true, ...VALID });
      cas.push(issuer);
    }
    return { anchor, cas, target: leaf(issuer) };
  }

  for (const intermediates of [0, 1, 2, 3]) {
    test(`a chain of ${intermediates + 2} certificates passes`, () => {
      const { anchor, cas, target } = chainOf(intermediates);
      const path = validate(target, [anchor], cas.toReversed());
      assert.equal(path.chain.length, intermediates + 2);
      assert.equal(path.signatureChecks, intermediates + 1);
    });
  }

  test('six certificates (more than 5): KER-PCM-111', () => {
    const { anchor, cas, target } = chainOf(4);
    assert.equal(
      refusedWith(() => validate(target, [anchor], cas)),
      'KER-PCM-111',
    );
  });

  test('six certificates pass with maxDepth 6', () => {
    const { anchor, cas, target } = chainOf(4);
    assert.equal(validate(target, [anchor], cas, { maxDepth: 6 }).chain.length, 6);
  });

  test('a self-issued intermediate (key rollover) does not count against the depth (RFC 5280 §6.1.4 (l)): six certificates pass, seven do not', () => {
    const { anchor, cas } = chainOf(3);
    const level3 = cas.at(-1)!;
    const rollover = forgeCertificate({ subject: 'CN=Level 3 CA,O=Depth,C=IN', issuer: level3, keySlot: 'level-3-rollover', ca: true, ...VALID });
    const path = validate(leaf(rollover), [anchor], [...cas, rollover]);
    assert.equal(path.chain.length, 6);
    const { anchor: deeperAnchor, cas: deeperCas } = chainOf(4);
    const deeperRollover = forgeCertificate({
      subject: 'CN=Level 4 CA,O=Depth,C=IN',
      issuer: deeperCas.at(-1)!,
      keySlot: 'level-4-rollover',
      ca: true,
      ...VALID,
    });
    assert.equal(
      refusedWith(() => validate(leaf(deeperRollover), [deeperAnchor], [...deeperCas, deeperRollover])),
      'KER-PCM-111',
    );
  });

  test('sixty same-name candidates with the wrong keys exhaust the budget: KER-PCM-112, never more checks than the budget', () => {
    const decoys = Array.from({ length: 60 }, (_, index) => intermediate(ROOT, { key: 'p256', keySlot: `decoy-${index}` }));
    assert.equal(
      refusedWith(() => validate(LEAF, [ROOT], decoys)),
      'KER-PCM-112',
    );
    assert.equal(
      refusedWith(() => validate(LEAF, [ROOT], decoys.slice(0, 10), { signatureBudget: 5 })),
      'KER-PCM-112',
    );
    assert.equal(
      refusedWith(() => validate(LEAF, [ROOT], decoys.slice(0, 40))),
      'KER-PCM-110',
    );
  });

  test('the real issuer among decoys is tried first (AKI = SKI) and costs two checks', () => {
    const decoys = Array.from({ length: 20 }, (_, index) => intermediate(ROOT, { key: 'p256', keySlot: `decoy-${index}` }));
    const path = validate(LEAF, [ROOT], [...decoys, INTERMEDIATE]);
    assert.equal(path.signatureChecks, 2);
  });

  test('without key identifiers, backtracking still finds the real issuer behind a decoy', () => {
    const plainIntermediate = intermediate(ROOT, { keyIdentifiers: false });
    const decoy = intermediate(ROOT, { key: 'p256', keySlot: 'decoy-0', keyIdentifiers: false });
    const target = leaf(plainIntermediate, { keyIdentifiers: false });
    const path = validate(target, [ROOT], [decoy, plainIntermediate]);
    assert.equal(path.chain[1]!.thumbprintSha256, parsed(plainIntermediate).thumbprintSha256);
    assert.equal(path.signatureChecks, 3);
  });

  test('an expired intermediate and its renewal under the same name and key: the renewal is used', () => {
    const expired = intermediate(ROOT, { notAfter: new Date(AT.getTime() - DAY_MS) });
    const path = validate(LEAF, [ROOT], [expired, INTERMEDIATE]);
    assert.equal(path.chain[1]!.thumbprintSha256, parsed(INTERMEDIATE).thumbprintSha256);
  });

  test('the deepest failure wins: a valid intermediate under an expired anchor reports KER-PCM-004, not a shallower bad signature', () => {
    const expiredRoot = root({ notAfter: new Date(AT.getTime() - 1000) });
    const issued = intermediate(expiredRoot);
    const decoy = intermediate(expiredRoot, { key: 'p256', keySlot: 'decoy-1' });
    assert.equal(
      refusedWith(() => validate(leaf(issued), [expiredRoot], [decoy, issued])),
      'KER-PCM-004',
    );
  });
});

describe('algorithm and key policy on every certificate of the path', () => {
  const refusedLeaf = (options: ForgeOptions) => refusedWith(() => validate(leaf(INTERMEDIATE, options), [ROOT], [INTERMEDIATE]));

  test('md5WithRSAEncryption: KER-PCM-014', () => assert.equal(refusedLeaf({ hash: 'md5' }), 'KER-PCM-014'));
  test('sha1WithRSAEncryption: KER-PCM-014', () => assert.equal(refusedLeaf({ hash: 'sha1' }), 'KER-PCM-014'));
  test('sha224WithRSAEncryption: KER-PCM-014', () => assert.equal(refusedLeaf({ hash: 'sha224' }), 'KER-PCM-014'));

  test('ecdsa-with-SHA1 and ecdsa-with-SHA224: KER-PCM-014', () => {
    const ecIssuer = intermediate(ROOT, { key: 'p256', keySlot: 'ec-issuer' });
    assert.equal(
      refusedWith(() => validate(leaf(ecIssuer, { hash: 'sha1' }), [ROOT], [ecIssuer])),
      'KER-PCM-014',
    );
    assert.equal(
      refusedWith(() => validate(leaf(ecIssuer, { hash: 'sha224' }), [ROOT], [ecIssuer])),
      'KER-PCM-014',
    );
  });

  test('dsa-with-sha256 (signed by a DSA CA): KER-PCM-014', () => {
    const dsaIssuer = intermediate(ROOT, { key: 'dsa' });
    assert.equal(
      refusedWith(() => validate(leaf(dsaIssuer), [ROOT], [dsaIssuer])),
      'KER-PCM-014',
    );
  });

  test('RSA-PSS with a salt shorter than the hash: KER-PCM-014', () => {
    assert.equal(
      refusedWith(() => validate(pssLeaf(SHA256, SHA256, 20), [ROOT], [INTERMEDIATE])),
      'KER-PCM-014',
    );
  });

  test('RSA-PSS with MGF1 over another hash than the message: KER-PCM-014', () => {
    assert.equal(
      refusedWith(() => validate(pssLeaf(SHA256, SHA512, 32), [ROOT], [INTERMEDIATE])),
      'KER-PCM-014',
    );
  });

  test('RSA-PSS over SHA-1: KER-PCM-014', () => {
    assert.equal(
      refusedWith(() => checkAlgorithmsAndKey(parsed(pssLeaf('1.3.14.3.2.26', '1.3.14.3.2.26', 20)))),
      'KER-PCM-014',
    );
  });

  test('RSA-1024: KER-PCM-013', () => assert.equal(refusedLeaf({ key: 'rsa1024' }), 'KER-PCM-013'));
  test('RSA-2047: KER-PCM-013', () => assert.equal(refusedLeaf({ key: 'rsa2047' }), 'KER-PCM-013'));
  test('EC P-192: KER-PCM-114', () => assert.equal(refusedLeaf({ key: 'p192' }), 'KER-PCM-114'));
  test('EC P-521: KER-PCM-114', () => assert.equal(refusedLeaf({ key: 'p521' }), 'KER-PCM-114'));
  test('DSA key: KER-PCM-114', () => assert.equal(refusedLeaf({ key: 'dsa' }), 'KER-PCM-114'));

  test('EC with explicit curve parameters: KER-PCM-114', () => {
    const explicit = explicitCurveSpki(forgeKeyPair('p256', 'explicit').publicKey);
    const target = parsed(leaf(INTERMEDIATE, { subjectPublicKeyInfo: explicit }));
    assert.equal(target.publicKey.curve, 'explicit');
    assert.equal(
      refusedWith(() => validate(leaf(INTERMEDIATE, { subjectPublicKeyInfo: explicit }), [ROOT], [INTERMEDIATE])),
      'KER-PCM-114',
    );
  });

  test('an intermediate with an RSA-1024 key: KER-PCM-013', () => {
    const weak = intermediate(ROOT, { key: 'rsa1024' });
    assert.equal(
      refusedWith(() => validate(leaf(weak), [ROOT], [weak])),
      'KER-PCM-013',
    );
  });

  test('an intermediate signed with SHA-1: KER-PCM-014', () => {
    const sha1 = intermediate(ROOT, { hash: 'sha1' });
    assert.equal(
      refusedWith(() => validate(leaf(sha1), [ROOT], [sha1])),
      'KER-PCM-014',
    );
  });

  test('an anchor self-signed with SHA-1: KER-PCM-014', () => {
    const sha1Root = root({ hash: 'sha1' });
    assert.equal(
      refusedWith(() => validate(intermediate(sha1Root), [sha1Root])),
      'KER-PCM-014',
    );
  });
});

describe('positive algorithm matrix', () => {
  const rsaTypes: ForgeKeyType[] = ['rsa2048', 'rsa3072', 'rsa4096'];
  const hashes = ['sha256', 'sha384', 'sha512'] as const;

  for (const key of rsaTypes) {
    for (const hash of hashes) {
      test(`${key} keys signing with ${hash}WithRSAEncryption`, () => {
        const ca = forgeCertificate({ subject: `CN=${key} CA,O=Matrix,C=IN`, key, keySlot: 'matrix-ca', hash, ca: true, ...VALID });
        const target = forgeCertificate({ subject: `CN=${key} leaf,O=Matrix,C=IN`, key, keySlot: 'matrix-leaf', issuer: ca, hash, ...VALID });
        const path = validate(target, [ca]);
        assert.equal(path.chain[0]!.publicKey.rsaBits, Number(key.slice(3)));
      });
    }
  }

  for (const hash of hashes) {
    test(`RSA-PSS with ${hash}`, () => {
      const ca = forgeCertificate({ subject: 'CN=PSS CA,O=Matrix,C=IN', keySlot: 'matrix-ca', pss: true, hash, ca: true, ...VALID });
      const target = forgeCertificate({ subject: 'CN=PSS leaf,O=Matrix,C=IN', keySlot: 'matrix-leaf', issuer: ca, pss: true, hash, ...VALID });
      assert.equal(validate(target, [ca]).chain[0]!.signatureAlgorithmOid, '1.2.840.113549.1.1.10');
    });
  }

  for (const key of ['p256', 'p384'] as const) {
    for (const hash of hashes) {
      test(`ECDSA ${key} with ${hash}`, () => {
        const ca = forgeCertificate({ subject: `CN=${key} CA,O=Matrix,C=IN`, key, keySlot: 'matrix-ca', hash, ca: true, ...VALID });
        const target = forgeCertificate({ subject: `CN=${key} leaf,O=Matrix,C=IN`, key, keySlot: 'matrix-leaf', issuer: ca, hash, ...VALID });
        assert.equal(validate(target, [ca]).chain[0]!.publicKey.curve, key === 'p256' ? 'P-256' : 'P-384');
      });
    }
  }

  test('Ed25519', () => {
    const ca = forgeCertificate({ subject: 'CN=Ed CA,O=Matrix,C=IN', key: 'ed25519', keySlot: 'matrix-ca', ca: true, ...VALID });
    const target = forgeCertificate({ subject: 'CN=Ed leaf,O=Matrix,C=IN', key: 'ed25519', keySlot: 'matrix-leaf', issuer: ca, ...VALID });
    assert.equal(validate(target, [ca]).chain[0]!.publicKey.type, 'Ed25519');
  });

  test('mixed families: an RSA root, a P-384 intermediate, an Ed25519 leaf', () => {
    const ecIntermediate = intermediate(ROOT, { key: 'p384', keySlot: 'mixed' });
    const edLeaf = leaf(ecIntermediate, { key: 'ed25519', hash: 'sha384' });
    assert.equal(validate(edLeaf, [ROOT], [ecIntermediate]).chain.length, 3);
  });
});

describe('certificate roles', () => {
  test('checkCaCertificate accepts a v3 CA with keyCertSign', () => {
    checkCaCertificate(parsed(ROOT));
    checkCaCertificate(parsed(INTERMEDIATE));
  });

  test('checkCaCertificate: v1 KER-PCM-007, cA=false KER-PCM-104, keyUsage without keyCertSign KER-PCM-105; no keyUsage passes', () => {
    assert.equal(
      refusedWith(() => checkCaCertificate(parsed(root({ version: 1 })))),
      'KER-PCM-007',
    );
    assert.equal(
      refusedWith(() => checkCaCertificate(parsed(root({ ca: false })))),
      'KER-PCM-104',
    );
    assert.equal(
      refusedWith(() => checkCaCertificate(parsed(root({ keyUsage: ['digitalSignature', 'cRLSign'] })))),
      'KER-PCM-105',
    );
    checkCaCertificate(parsed(root({ keyUsage: null })));
  });

  test('a leaf with cA=true: KER-PCM-113', () => {
    assert.equal(
      refusedWith(() => checkEndEntityCertificate(parsed(leaf(INTERMEDIATE, { ca: true, keyUsage: ['digitalSignature'] })))),
      'KER-PCM-113',
    );
  });

  test('a leaf with keyCertSign: KER-PCM-113', () => {
    assert.equal(
      refusedWith(() => checkEndEntityCertificate(parsed(leaf(INTERMEDIATE, { keyUsage: ['digitalSignature', 'keyCertSign'] })))),
      'KER-PCM-113',
    );
  });

  test('a plain leaf (cA=false, or no basicConstraints) is an end entity', () => {
    checkEndEntityCertificate(parsed(LEAF));
    checkEndEntityCertificate(parsed(leaf(INTERMEDIATE, { ca: null })));
  });

  test('isSelfSigned: same name and its own key verifies it', () => {
    assert.equal(isSelfSigned(parsed(ROOT)), true);
    assert.equal(isSelfSigned(parsed(INTERMEDIATE)), false);
    const sameNameOtherKey = forgeCertificate({ subject: ROOT_NAME, issuer: ROOT, keySlot: 'rollover', ca: true, ...VALID });
    assert.equal(isSelfSigned(parsed(sameNameOtherKey)), false);
  });

  test('verifySignedBy checks the link with the issuer’s key only', () => {
    assert.equal(verifySignedBy(parsed(LEAF), parsed(INTERMEDIATE).publicKey), true);
    assert.equal(verifySignedBy(parsed(LEAF), parsed(ROOT).publicKey), false);
    assert.equal(verifySignedBy(parsed(leaf(INTERMEDIATE, { hash: 'sha1' })), parsed(INTERMEDIATE).publicKey), false);
  });
});

describe('issue #19: no false accepts', () => {
  test('a CA whose basicConstraints is not critical, intermediate or anchor, is no issuer: KER-PCM-117 (RFC 5280 §4.2.1.9)', () => {
    const lax = intermediate(ROOT, { basicConstraintsCritical: false });
    assert.equal(
      refusedWith(() => validate(leaf(lax), [ROOT], [lax])),
      'KER-PCM-117',
    );
    const laxRoot = root({ basicConstraintsCritical: false });
    const issued = intermediate(laxRoot);
    assert.equal(
      refusedWith(() => validate(leaf(issued), [laxRoot], [issued])),
      'KER-PCM-117',
    );
    assert.equal(
      refusedWith(() => checkCaCertificate(parsed(laxRoot))),
      'KER-PCM-117',
    );
  });

  test('a CA with an empty subject is no issuer, even of a leaf whose empty issuer matches it byte for byte: KER-PCM-118 (RFC 5280 §4.1.2.6)', () => {
    const nameless = root({ subject: '', keySlot: 'nameless' });
    const target = leaf(nameless);
    assert.equal(parsed(target).issuer.attributes.length, 0);
    assert.equal(
      refusedWith(() => validate(target, [nameless])),
      'KER-PCM-118',
    );
    assert.equal(
      refusedWith(() => checkCaCertificate(parsed(nameless))),
      'KER-PCM-118',
    );
  });

  test('a serial number that is zero, negative or longer than 20 octets, on the target or an issuer: KER-PCM-119 (RFC 5280 §4.1.2.2)', () => {
    const octets = (length: number) => Uint8Array.from({ length }, (_, index) => (index === 0 ? 0x40 : index));
    for (const serialNumber of [Uint8Array.of(0), Uint8Array.of(0x80, 0x01), Uint8Array.of(0xff), octets(21), Uint8Array.of(0, 0x80, ...octets(19))]) {
      assert.equal(
        refusedWith(() => validate(leaf(INTERMEDIATE, { serialNumber }), [ROOT], [INTERMEDIATE])),
        'KER-PCM-119',
        Buffer.from(serialNumber).toString('hex'),
      );
    }
    const zeroIssuer = intermediate(ROOT, { serialNumber: Uint8Array.of(0) });
    assert.equal(
      refusedWith(() => validate(leaf(zeroIssuer), [ROOT], [zeroIssuer])),
      'KER-PCM-119',
    );
    for (const serialNumber of [Uint8Array.of(1), octets(20), Uint8Array.of(0, 0x80, ...octets(18))]) {
      assert.equal(validate(leaf(INTERMEDIATE, { serialNumber }), [ROOT], [INTERMEDIATE]).chain.length, 3);
    }
  });

  test('an end entity with keyCertSign (cA=false or no basicConstraints) is KER-PCM-113; with an empty extKeyUsage KER-PCM-120 (RFC 5280 §4.2.1.12)', () => {
    for (const ca of [false, null]) {
      assert.equal(
        refusedWith(() => checkEndEntityCertificate(parsed(leaf(INTERMEDIATE, { ca, keyUsage: ['digitalSignature', 'keyCertSign'] })))),
        'KER-PCM-113',
      );
    }
    const emptyPurposes = leaf(INTERMEDIATE, { extraExtensions: [{ oid: EXTENDED_KEY_USAGE, critical: false, value: Uint8Array.of(0x30, 0x00) }] });
    assert.deepEqual(parsed(emptyPurposes).extendedKeyUsage, []);
    assert.equal(
      refusedWith(() => checkEndEntityCertificate(parsed(emptyPurposes))),
      'KER-PCM-120',
    );
    const clientAuth = leaf(INTERMEDIATE, { extraExtensions: [{ oid: EXTENDED_KEY_USAGE, critical: false, value: CLIENT_AUTH_PURPOSE }] });
    assert.deepEqual(parsed(clientAuth).extendedKeyUsage, ['1.3.6.1.5.5.7.3.2']);
    checkEndEntityCertificate(parsed(clientAuth));
  });

  test('a critical authorityKeyIdentifier or subjectKeyIdentifier, on the target or an issuer: KER-PCM-122 (RFC 5280 §4.2.1.1, §4.2.1.2)', () => {
    const markingCritical = (oid: string) => (tbs: TBSCertificate) => {
      const extension = tbs.extensions!.find((candidate) => candidate.extnID === oid)!;
      extension.critical = true;
    };
    for (const oid of [id_ce_authorityKeyIdentifier, id_ce_subjectKeyIdentifier]) {
      const target = leaf(INTERMEDIATE, { mutateTbs: markingCritical(oid) });
      assert.deepEqual(parsed(target).criticalExtensions.includes(oid), true);
      assert.equal(
        refusedWith(() => validate(target, [ROOT], [INTERMEDIATE])),
        'KER-PCM-122',
        oid,
      );
      const issuer = intermediate(ROOT, { mutateTbs: markingCritical(oid) });
      assert.equal(
        refusedWith(() => validate(leaf(issuer), [ROOT], [issuer])),
        'KER-PCM-122',
        oid,
      );
    }
  });

  test('an RSA modulus of 2052 bits (not whole octets), on the target or an issuer: KER-PCM-121', () => {
    const target = leaf(INTERMEDIATE, { key: 'rsa2052' });
    assert.equal(parsed(target).publicKey.rsaBits, 2052);
    assert.equal(
      refusedWith(() => validate(target, [ROOT], [INTERMEDIATE])),
      'KER-PCM-121',
    );
    const oddIssuer = intermediate(ROOT, { key: 'rsa2052' });
    assert.equal(
      refusedWith(() => validate(leaf(oddIssuer), [ROOT], [oddIssuer])),
      'KER-PCM-121',
    );
  });
});

describe('issue #19: constraints we do not process are refused, critical or not', () => {
  const der = (value: unknown) => new Uint8Array(AsnConvert.serialize(value));
  const subtrees = (name: GeneralName) => new GeneralSubtrees([new GeneralSubtree({ base: name })]);
  const NAME_CONSTRAINTS: Record<string, Uint8Array> = {
    'a DNS name': der(new NameConstraints({ permittedSubtrees: subtrees(new GeneralName({ dNSName: 'bank.example' })) })),
    'an e-mail address': der(new NameConstraints({ excludedSubtrees: subtrees(new GeneralName({ rfc822Name: 'evil.example' })) })),
    'a directory name': der(
      new NameConstraints({ permittedSubtrees: subtrees(new GeneralName({ directoryName: AsnConvert.parse(parsed(ROOT).subject.der, Name) })) }),
    ),
  };

  for (const [form, value] of Object.entries(NAME_CONSTRAINTS)) {
    test(`nameConstraints on ${form}, on an intermediate or the anchor, critical or not: KER-PCM-123`, () => {
      for (const critical of [true, false]) {
        const extraExtensions = [{ oid: id_ce_nameConstraints, critical, value }];
        const constrained = intermediate(ROOT, { extraExtensions });
        assert.equal(
          refusedWith(() => validate(leaf(constrained), [ROOT], [constrained])),
          'KER-PCM-123',
          `critical: ${critical}`,
        );
        const constrainedRoot = root({ extraExtensions });
        const issued = intermediate(constrainedRoot);
        assert.equal(
          refusedWith(() => validate(leaf(issued), [constrainedRoot], [issued])),
          'KER-PCM-123',
          `critical: ${critical}`,
        );
        assert.equal(
          refusedWith(() => checkCertificateProfile(parsed(constrainedRoot))),
          'KER-PCM-123',
        );
      }
    });
  }

  test('policyConstraints (requireExplicitPolicy), critical or not: KER-PCM-124', () => {
    /** PolicyConstraints ::= SEQUENCE { requireExplicitPolicy [0] 0 }. */
    const value = Uint8Array.of(0x30, 0x03, 0x80, 0x01, 0x00);
    for (const critical of [true, false]) {
      const constrained = intermediate(ROOT, { extraExtensions: [{ oid: id_ce_policyConstraints, critical, value }] });
      assert.equal(
        refusedWith(() => validate(leaf(constrained), [ROOT], [constrained])),
        'KER-PCM-124',
        `critical: ${critical}`,
      );
    }
  });

  test('a non-critical certificatePolicies (it only shapes the policy tree PMS does not use) passes; a critical one is KER-PCM-107', () => {
    const anyPolicy = Uint8Array.of(0x30, 0x06, 0x30, 0x04, 0x06, 0x02, 0x55, 0x1d);
    const withPolicies = (critical: boolean) => intermediate(ROOT, { extraExtensions: [{ oid: '2.5.29.32', critical, value: anyPolicy }] });
    const lenient = withPolicies(false);
    assert.equal(validate(leaf(lenient), [ROOT], [lenient]).chain.length, 3);
    assert.equal(
      refusedWith(() => parsed(withPolicies(true))),
      'KER-PCM-107',
    );
  });
});

describe('issue #19: key identifiers, empty subjects, authorityInfoAccess, v1 issuers', () => {
  const akiExtension = (value: Uint8Array) => ({ oid: id_ce_authorityKeyIdentifier, critical: false, value });
  const skiOf = (certificate: ForgedCertificate) => Buffer.from(parsed(certificate).subjectKeyIdentifier!, 'hex');
  /** AuthorityKeyIdentifier ::= SEQUENCE { [0] keyIdentifier, [1] authorityCertIssuer, [2] authorityCertSerialNumber }, hand-encoded. */
  const aki = (keyId: Uint8Array | null, issuerAndSerial: boolean) => {
    const parts: number[] = [];
    if (keyId) parts.push(0x80, keyId.length, ...keyId);
    if (issuerAndSerial) {
      const name = parsed(ROOT).subject.der;
      const generalNames = [0xa4, ...derLength(name.length), ...name];
      parts.push(0xa1, ...derLength(generalNames.length), ...generalNames, 0x82, 0x01, 0x01);
    }
    return Uint8Array.of(0x30, ...derLength(parts.length), ...parts);
  };
  const rootWith = (extraExtensions: ForgeOptions['extraExtensions'], slot = 'root') =>
    root({
      keySlot: slot,
      keyIdentifiers: false,
      extraExtensions: [{ oid: id_ce_subjectKeyIdentifier, critical: false, value: Uint8Array.of(0x04, 0x14, ...skiOf(ROOT)) }, ...(extraExtensions ?? [])],
    });

  test('a root whose authorityKeyIdentifier carries an issuer and serial, or differs from its own SKI: KER-PCM-125; equal or absent passes', () => {
    const ownId = skiOf(ROOT);
    const withIssuerSerial = rootWith([akiExtension(aki(ownId, true))]);
    assert.equal(parsed(withIssuerSerial).authorityKeyIdentifierNamesIssuer, true);
    assert.equal(
      refusedWith(() => checkRootKeyIdentifiers(parsed(withIssuerSerial))),
      'KER-PCM-125',
    );
    assert.equal(
      refusedWith(() => checkRootKeyIdentifiers(parsed(rootWith([akiExtension(aki(null, true))])))),
      'KER-PCM-125',
    );
    const otherId = Uint8Array.from(ownId, (octet) => octet ^ 0xff);
    assert.equal(
      refusedWith(() => checkRootKeyIdentifiers(parsed(rootWith([akiExtension(aki(otherId, false))])))),
      'KER-PCM-125',
    );
    checkRootKeyIdentifiers(parsed(rootWith([akiExtension(aki(ownId, false))])));
    checkRootKeyIdentifiers(parsed(ROOT));
    checkRootKeyIdentifiers(parsed(root({ keyIdentifiers: false })));
  });

  test('missing key identifiers are accepted on every certificate of a path (our decision: RFC 5280 §6.1 does not use them)', () => {
    const bareRoot = root({ keyIdentifiers: false });
    const bareIntermediate = intermediate(bareRoot, { keyIdentifiers: false });
    const bareLeaf = leaf(bareIntermediate, { keyIdentifiers: false });
    const leafParsed = parsed(bareLeaf);
    assert.equal(leafParsed.authorityKeyIdentifier, null);
    assert.equal(leafParsed.subjectKeyIdentifier, null);
    assert.deepEqual(subjects(validate(bareLeaf, [bareRoot], [bareIntermediate])), [LEAF_NAME, INTERMEDIATE_NAME, ROOT_NAME]);
  });

  test('an empty subject needs a critical subjectAltName (RFC 5280 §4.2.1.6): non-critical or absent is KER-PCM-126', () => {
    const altName = new Uint8Array(AsnConvert.serialize(new SubjectAlternativeName([new GeneralName({ dNSName: 'device.bank.example' })])));
    const nameless = (critical: boolean | null) =>
      leaf(INTERMEDIATE, { subject: '', extraExtensions: critical === null ? [] : [{ oid: id_ce_subjectAltName, critical, value: altName }] });
    for (const critical of [false, null]) {
      assert.equal(
        refusedWith(() => validate(nameless(critical), [ROOT], [INTERMEDIATE])),
        'KER-PCM-126',
        `subjectAltName critical: ${critical}`,
      );
    }
    assert.equal(validate(nameless(true), [ROOT], [INTERMEDIATE]).chain.length, 3);
  });

  test('a malformed authorityInfoAccess on an intermediate or an anchor: KER-PCM-001 at parsing; a well-formed one passes', () => {
    const notAccessDescriptions = Uint8Array.of(0x30, 0x03, 0x02, 0x01, 0x05);
    const malformed = [{ oid: id_pe_authorityInfoAccess, critical: false, value: notAccessDescriptions }];
    assert.equal(
      refusedWith(() => parsed(intermediate(ROOT, { extraExtensions: malformed }))),
      'KER-PCM-001',
    );
    assert.equal(
      refusedWith(() => parsed(root({ extraExtensions: malformed }))),
      'KER-PCM-001',
    );
    const caIssuers = new AccessDescription({
      accessMethod: id_ad_caIssuers,
      accessLocation: new GeneralName({ uniformResourceIdentifier: 'http://ca.example/root.crt' }),
    });
    const wellFormed = [
      { oid: id_pe_authorityInfoAccess, critical: false, value: new Uint8Array(AsnConvert.serialize(new AuthorityInfoAccessSyntax([caIssuers]))) },
    ];
    const withAia = intermediate(ROOT, { extraExtensions: wellFormed });
    assert.equal(validate(leaf(withAia), [ROOT], [withAia]).chain.length, 3);
    assert.equal(
      refusedWith(() => parsed(intermediate(ROOT, { extraExtensions: [{ ...wellFormed[0]!, critical: true }] }))),
      'KER-PCM-107',
    );
  });

  test('a version 1 certificate is no intermediate and no anchor: KER-PCM-007', () => {
    const v1Root = root({ version: 1 });
    const v1Intermediate = intermediate(ROOT, { version: 1 });
    assert.equal(
      refusedWith(() => validate(leaf(intermediate(v1Root)), [v1Root], [intermediate(v1Root)])),
      'KER-PCM-007',
    );
    assert.equal(
      refusedWith(() => validate(leaf(v1Intermediate), [ROOT], [v1Intermediate])),
      'KER-PCM-007',
    );
  });
});

describe('issue #19: the path search is bounded', () => {
  /** n CAs named like their issuer and sharing its key: each verifies every other, so the search could walk n! orderings. */
  function selfIssuedPool(size: number, anchored: boolean) {
    const top = forgeCertificate({ subject: 'CN=Pool CA,O=Pool,C=IN', keySlot: 'pool', ca: true, ...VALID });
    const pool = Array.from({ length: size }, () => forgeCertificate({ subject: 'CN=Pool CA,O=Pool,C=IN', issuer: top, keySlot: 'pool', ca: true, ...VALID }));
    return { anchors: anchored ? [top] : [ROOT], pool, target: leaf(top) };
  }

  test('100 same-subject, same-key intermediates with no anchor are refused by the candidate budget, KER-PCM-112', () => {
    const { anchors, pool, target } = selfIssuedPool(100, false);
    assert.equal(
      refusedWith(() => validate(target, anchors, pool)),
      'KER-PCM-112',
    );
    assert.match(errorOf(() => validate(target, anchors, pool)).message, /more than 200 candidate issuers/);
  });

  test('a pool of 30 (fewer checks than the signature budget) is refused too, and a smaller candidate budget refuses sooner', () => {
    const { anchors, pool, target } = selfIssuedPool(30, false);
    assert.equal(
      refusedWith(() => validate(target, anchors, pool)),
      'KER-PCM-112',
    );
    assert.match(errorOf(() => validate(target, anchors, pool.slice(0, 3), { candidateBudget: 5 })).message, /more than 5 candidate issuers/);
  });

  test('the same pool under its anchor still validates: the anchor is tried first, one signature check', () => {
    const { anchors, pool, target } = selfIssuedPool(100, true);
    const path = validate(target, anchors, pool);
    assert.equal(path.chain.length, 2);
    assert.equal(path.signatureChecks, 1);
  });

  test('self-issued certificates count up to twice the depth in all: eleven certificates are KER-PCM-111 even when each is self-issued', () => {
    const top = forgeCertificate({ subject: 'CN=Rollover CA,O=Pool,C=IN', keySlot: 'rollover-0', ca: true, ...VALID });
    const rollovers: ForgedCertificate[] = [];
    let issuer = top;
    for (let index = 1; index <= 9; index += 1) {
      issuer = forgeCertificate({ subject: 'CN=Rollover CA,O=Pool,C=IN', issuer, keySlot: `rollover-${index}`, ca: true, ...VALID });
      rollovers.push(issuer);
    }
    // Key identifiers put the right rollover first at every level, so ten certificates fit the default budgets.
    assert.equal(validate(leaf(rollovers[7]!), [top], rollovers.slice(0, 8)).chain.length, 10);
    // Every rollover is a same-name candidate at every level, so the budgets are raised to isolate the length rule.
    assert.equal(
      refusedWith(() => validate(leaf(rollovers[8]!), [top], rollovers, { signatureBudget: 1000, candidateBudget: 1000 })),
      'KER-PCM-111',
    );
  });
});

function derLength(length: number): number[] {
  return length < 0x80 ? [length] : [0x81, length];
}

/** An RSASSA-PSS AlgorithmIdentifier with free choices of hash, MGF1 hash and salt, placed inside and outside. */
function pssLeaf(hashOid: string, mgfHashOid: string, saltLength: number): ForgedCertificate {
  const hashAlgorithm = new AlgorithmIdentifier({ algorithm: hashOid, parameters: null });
  const mgfHash = new AlgorithmIdentifier({ algorithm: mgfHashOid, parameters: null });
  const params = new RsaSaPssParams({
    hashAlgorithm,
    maskGenAlgorithm: new AlgorithmIdentifier({ algorithm: id_mgf1, parameters: AsnConvert.serialize(mgfHash) }),
    saltLength,
  });
  const algorithm = new AlgorithmIdentifier({ algorithm: id_RSASSA_PSS, parameters: AsnConvert.serialize(params) });
  return leaf(INTERMEDIATE, {
    pss: true,
    mutateTbs: (tbs) => {
      tbs.signature = algorithm;
    },
    outerSignatureAlgorithm: algorithm,
  });
}
