import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { AttributeTypeAndValue, AttributeValue, Name, RelativeDistinguishedName, type TBSCertificate, Time } from '@peculiar/asn1-x509';
import { type BerElement, readElement } from '../../functions/domain/certificates/x509/ber-reader.js';
import { parseCertificate } from '../../functions/domain/certificates/x509/parse-certificate.js';
import { signatureSchemeOf } from '../../functions/domain/certificates/x509/signature-algorithms.js';
import { PmsError } from '../../functions/errors/pms-error.js';
import { explicitCurveSpki, type ForgeOptions, forgeCertificate, forgeKeyPair, forgeTrustChain } from '../../local/certificate-forge.js';
import { oracleParseCertificate, oracleSignatureSchemeOf } from '../support/asn1-oracle-parser.js';

// The hand-written DER parser against the @peculiar/asn1js one it replaced (test/support/asn1-oracle-parser.ts):
// the same ParsedCertificate for every certificate, the same error code for every refusal. Where the new parser is
// deliberately stricter, the difference is listed (STRICTER) and checked to be exactly that.

type Outcome = { accepted: unknown } | { code: string; message: string };

function outcomeOf(parse: (der: Uint8Array) => unknown, der: Uint8Array): Outcome {
  try {
    return { accepted: parse(der) };
  } catch (error) {
    assert.ok(error instanceof PmsError, `expected a PmsError, got ${String(error)}`);
    return { code: error.code, message: error.message };
  }
}

const INVALID = 'KER-PCM-001';
const NOT_CANONICAL = 'KER-PCM-101';

/**
 * Where the new parser is deliberately stricter than the old one, which accepted these: a padded INTEGER (X.690
 * §8.3.2; asn1js kept a serial number's or an RSA modulus' octets as given) and a constructed string or other
 * universal type that DER has only in primitive form (asn1js read the content as nested elements).
 */
const STRICTER = /is not a minimal INTEGER|a constructed universal type/;

/**
 * Both parsers read `der` the same way: the same ParsedCertificate, or the same error code. `mutated`: the data is
 * corrupt (flipped bytes), where one more difference is allowed: asn1js read some corrupt structures leniently (a
 * child running past its parent, a SEQUENCE or SET tag of another class), so the old parser only refused them for
 * not re-encoding to their bytes (KER-PCM-101); the new one cannot read them at all (KER-PCM-001).
 */
function assertSameOutcome(der: Uint8Array, label: string, mutated = false): void {
  const expected = outcomeOf(oracleParseCertificate, der);
  const actual = outcomeOf(parseCertificate, der);
  const context = `${label}: ${Buffer.from(der).toString('hex')}`;
  if ('accepted' in actual || 'accepted' in expected) {
    if ('code' in actual && STRICTER.test(actual.message)) return;
    assert.deepStrictEqual(actual, expected, context);
    return;
  }
  if (actual.code === expected.code) return;
  if (STRICTER.test(actual.message)) return;
  if (mutated && actual.code === INVALID && expected.code === NOT_CANONICAL) return;
  assert.equal(actual.code, expected.code, `${context}\nnew: ${actual.message}\nold: ${expected.message}`);
}

/** Tag, minimal definite length and content: for extension values and hand-made variants. */
function der(tag: number, ...content: Uint8Array[]): Uint8Array {
  const body = Buffer.concat(content);
  const length = body.length;
  const lengthOctets: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) lengthOctets.unshift(rest % 256);
  return Buffer.concat([Uint8Array.from(length < 0x80 ? [tag, length] : [tag, 0x80 | lengthOctets.length, ...lengthOctets]), body]);
}

const oid = (dotted: string) => {
  const [first, second, ...rest] = dotted.split('.').map(Number) as [number, number, ...number[]];
  const octets: number[] = [];
  for (const arc of [first * 40 + second, ...rest]) {
    const group = [arc & 0x7f];
    for (let value = Math.floor(arc / 128); value > 0; value = Math.floor(value / 128)) group.unshift((value & 0x7f) | 0x80);
    octets.push(...group);
  }
  return der(0x06, Uint8Array.from(octets));
};
const ascii = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

const DNS_NAME = der(0x82, ascii('partner.example'));
const GENERAL_NAMES = der(
  0x30,
  DNS_NAME,
  der(0x81, ascii('ops@example.org')),
  der(0x86, ascii('https://example.org/')),
  der(0x87, Uint8Array.of(10, 0, 0, 1)),
  der(0x88, oid('1.3.6.1.4.1.99999.3')),
  der(0xa0, oid('1.3.6.1.4.1.99999.4'), der(0xa0, der(0x0c, ascii('other')))),
  der(0xa4, der(0x30, der(0x31, der(0x30, oid('2.5.4.3'), der(0x0c, ascii('Directory')))))),
);

const EXTENSION_VALUES: Record<string, Uint8Array> = {
  extKeyUsage: der(0x30, oid('1.3.6.1.5.5.7.3.2'), oid('1.3.6.1.5.5.7.3.1')),
  subjectAltName: GENERAL_NAMES,
  authorityInfoAccess: der(0x30, der(0x30, oid('1.3.6.1.5.5.7.48.2'), der(0x86, ascii('http://example.org/ca.cer')))),
  authorityKeyIdentifier: der(0x30, der(0x80, Uint8Array.of(1, 2, 3)), der(0xa1, DNS_NAME), der(0x82, Uint8Array.of(0x05))),
  nameConstraints: der(
    0x30,
    der(0xa0, der(0x30, DNS_NAME)),
    der(0xa1, der(0x30, der(0x87, Uint8Array.of(10, 0, 0, 0, 255, 0, 0, 0)), der(0x81, Uint8Array.of(2)))),
  ),
  policyConstraints: der(0x30, der(0x80, Uint8Array.of(0)), der(0x81, Uint8Array.of(1))),
  certificatePolicies: der(0x30, der(0x30, oid('2.5.29.32.0'))),
};
const EXTENSION_OIDS: Record<string, string> = {
  extKeyUsage: '2.5.29.37',
  subjectAltName: '2.5.29.17',
  authorityInfoAccess: '1.3.6.1.5.5.7.1.1',
  authorityKeyIdentifier: '2.5.29.35',
  nameConstraints: '2.5.29.30',
  policyConstraints: '2.5.29.36',
  certificatePolicies: '2.5.29.32',
};

/** A subject whose one RDN holds these values (a multi-valued RDN when several). */
function subjectOf(values: AttributeValue[], type = '2.5.4.3'): (tbs: TBSCertificate) => void {
  return (tbs) => {
    tbs.subject = new Name([new RelativeDistinguishedName(values.map((value) => new AttributeTypeAndValue({ type, value })))]);
  };
}

const ROOT = forgeCertificate({ subject: 'CN=Differential Root,O=Diff,C=IN', keySlot: 'diff-root', ca: true });

/** Well-formed certificates: every key, algorithm, version, extension, string and time type the parser reads. */
function validCorpus(): Record<string, Uint8Array> {
  const chain = forgeTrustChain({ organization: 'Differential Org', commonName: 'Differential Device' });
  const options: Record<string, ForgeOptions> = {
    'RSA 2048': {},
    'RSA 4096 CA with pathLen': { key: 'rsa4096', ca: { pathLen: 3 } },
    'RSA 1024, SHA-1': { key: 'rsa1024', hash: 'sha1' },
    'RSA-PSS SHA-256': { pss: true },
    'RSA-PSS SHA-384': { pss: true, hash: 'sha384' },
    'RSA-PSS SHA-512': { pss: true, hash: 'sha512' },
    'EC P-256': { key: 'p256' },
    'EC P-384 SHA-384': { key: 'p384', hash: 'sha384' },
    'EC P-521 SHA-512': { key: 'p521', hash: 'sha512' },
    'EC P-192': { key: 'p192' },
    'EC explicit curve': { key: 'p256', subjectPublicKeyInfo: explicitCurveSpki(forgeKeyPair('p256').publicKey) },
    Ed25519: { key: 'ed25519' },
    DSA: { key: 'dsa' },
    'signed by a root': { issuer: ROOT, subject: 'CN=Leaf,OU=A,OU=B,O=Diff,L=Pune,ST=MH,C=IN' },
    'version 1': { version: 1 },
    'version 2': { version: 2 },
    'no extensions on v3 but keyUsage only': { ca: null, keyIdentifiers: false },
    'cA false non-critical, every key usage': {
      ca: false,
      keyUsage: ['digitalSignature', 'nonRepudiation', 'keyEncipherment', 'dataEncipherment', 'keyAgreement', 'keyCertSign', 'cRLSign'],
    },
    'basicConstraints critical on an end entity': { ca: false, basicConstraintsCritical: true },
    'negative serial number': { serialNumber: Uint8Array.of(0x80, 0x01) },
    'zero serial number': { serialNumber: Uint8Array.of(0) },
    'GeneralizedTime notAfter': { notAfter: new Date('2060-01-01T00:00:00Z') },
    'UTCTime in the 1900s': { notBefore: new Date('1999-12-31T23:59:59Z') },
    'empty subject': { subject: '' },
    'multi-valued RDN': { subject: 'CN=Multi+OU=Valued,O=Org,C=IN' },
    'escaped values': { subject: 'CN=\\,Comma\\+Plus,O= Spaces ,C=IN' },
    'E and DC (IA5String)': { subject: 'CN=Mail,E=ops@example.org,DC=example,C=IN' },
    PrintableString: { mutateTbs: subjectOf([new AttributeValue({ printableString: 'Printable' })]) },
    TeletexString: { mutateTbs: subjectOf([new AttributeValue({ teletexString: 'Tèletex' })]) },
    BMPString: { mutateTbs: subjectOf([new AttributeValue({ bmpString: 'BMP ñ 日本' })]) },
    UniversalString: { mutateTbs: subjectOf([new AttributeValue({ universalString: 'Universal ñ' })]) },
    UTF8String: { mutateTbs: subjectOf([new AttributeValue({ utf8String: 'UTF-8 ñ 日本 😀' })]) },
    'an unknown string type (NumericString)': { mutateTbs: subjectOf([new AttributeValue({ anyValue: der(0x12, ascii('123')).buffer as ArrayBuffer })]) },
    'several types in one RDN': {
      mutateTbs: subjectOf([new AttributeValue({ utf8String: 'a' }), new AttributeValue({ printableString: 'b' }), new AttributeValue({ bmpString: 'c' })]),
    },
    'a GeneralizedTime before 2050': {
      mutateTbs: (tbs) => {
        tbs.validity.notBefore = new Time({ generalTime: new Date('2020-01-01T00:00:00Z') });
      },
    },
  };
  for (const [name, value] of Object.entries(EXTENSION_VALUES)) {
    const keyIdentifiers = name !== 'authorityKeyIdentifier';
    options[`extension ${name}`] = { ca: true, keyIdentifiers, extraExtensions: [{ oid: EXTENSION_OIDS[name]!, critical: false, value }] };
    if (!['authorityInfoAccess', 'certificatePolicies'].includes(name))
      options[`critical extension ${name}`] = { ca: true, keyIdentifiers, extraExtensions: [{ oid: EXTENSION_OIDS[name]!, critical: true, value }] };
  }
  const corpus: Record<string, Uint8Array> = { 'chain root': chain.root.der, 'chain intermediate': chain.intermediate.der, 'chain leaf': chain.leaf.der };
  for (const [name, forgeOptions] of Object.entries(options)) corpus[name] = forgeCertificate(forgeOptions).der;
  const openssl = opensslCertificate();
  if (openssl) corpus['made by OpenSSL'] = openssl;
  return corpus;
}

/** A P-384 certificate with critical EKU and SAN, as OpenSSL writes it; null where openssl is missing. */
function opensslCertificate(): Uint8Array | null {
  const dir = mkdtempSync(join(tmpdir(), 'der-differential-'));
  try {
    const config = join(dir, 'ext.cnf');
    writeFileSync(
      config,
      '[req]\ndistinguished_name=dn\n[dn]\n[ext]\nbasicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=critical,clientAuth\nsubjectAltName=critical,DNS:partner.example,IP:10.0.0.1,email:a@example.org\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid:always\nauthorityInfoAccess=caIssuers;URI:http://example.org/ca.cer\n',
    );
    const out = join(dir, 'cert.der');
    const args = ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-384', '-nodes', '-keyout', join(dir, 'key.pem')];
    const result = spawnSync('openssl', [
      ...args,
      '-subj',
      '/C=IN/O=Open, SSL/OU=A/OU=B/CN=OpenSSL',
      '-days',
      '30',
      '-config',
      config,
      '-extensions',
      'ext',
      '-outform',
      'DER',
      '-out',
      out,
    ]);
    return result.status === 0 ? new Uint8Array(readFileSync(out)) : null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** An element tree, to write variants of a certificate with one encoding changed and every length around it fixed. */
interface Node {
  tag: number;
  start: number;
  content: Uint8Array;
  children: Node[] | null;
  /** Content read as DER inside an OCTET STRING or a whole-octet BIT STRING (extension values, keys). */
  encapsulated: { prefix: Uint8Array; node: Node } | null;
}

function treeOf(bytes: Uint8Array, element: BerElement, depth = 0): Node {
  const content = bytes.subarray(element.contentStart, element.contentEnd);
  const children: Node[] = [];
  if (element.constructed) {
    for (let cursor = element.contentStart; cursor < element.contentEnd; ) {
      const child = readElement(bytes, cursor);
      children.push(treeOf(bytes, child, depth + 1));
      cursor = child.end;
    }
  }
  return {
    tag: element.tag,
    start: element.start,
    content,
    children: element.constructed ? children : null,
    encapsulated: encapsulatedIn(element.tag, content, depth),
  };
}

function encapsulatedIn(tag: number, content: Uint8Array, depth: number): Node['encapsulated'] {
  const prefix = tag === 0x03 ? content.subarray(0, 1) : new Uint8Array(0);
  if ((tag !== 0x04 && !(tag === 0x03 && content[0] === 0)) || depth > 8) return null;
  const inner = content.subarray(prefix.length);
  try {
    const element = readElement(inner, 0);
    if (element.end !== inner.length || !element.constructed) return null;
    return { prefix, node: treeOf(inner, element, depth + 1) };
  } catch {
    return null;
  }
}

type Rewrite = (node: Node, encode: (node: Node) => Uint8Array) => Uint8Array | null;

/** The tree written back, `rewrite` deciding for each node (null: written as it was). */
function encodeTree(root: Node, rewrite: Rewrite): Uint8Array {
  const encode = (node: Node): Uint8Array => rewrite(node, encode) ?? der(node.tag, contentOf(node, encode));
  return encode(root);
}

function contentOf(node: Node, encode: (node: Node) => Uint8Array): Uint8Array {
  if (node.children) return Buffer.concat(node.children.map(encode));
  if (node.encapsulated) return Buffer.concat([node.encapsulated.prefix, encode(node.encapsulated.node)]);
  return node.content;
}

function allNodes(root: Node): Node[] {
  const inner = root.encapsulated ? [root.encapsulated.node] : [];
  return [root, ...(root.children ?? []), ...inner].flatMap((node) => (node === root ? [node] : allNodes(node)));
}

/** One variant per node: `change` rewrites that node alone. */
function variantsPerNode(root: Node, change: (node: Node, content: Uint8Array) => Uint8Array | null): Uint8Array[] {
  return allNodes(root).flatMap((target) => {
    let changed = false;
    const variant = encodeTree(root, (node, encode) => {
      if (node !== target) return null;
      const result = change(node, contentOf(node, encode));
      changed = result !== null;
      return result;
    });
    return changed ? [variant] : [];
  });
}

/** BER and non-DER encodings of each node: long-form and indefinite lengths, padded integers, BER booleans. */
function encodingVariants(der0: Uint8Array): Record<string, Uint8Array[]> {
  const root = treeOf(der0, readElement(der0, 0));
  const header = (tag: number, lengthOctets: number[]) => Uint8Array.from([tag, ...lengthOctets]);
  return {
    'long-form length': variantsPerNode(root, (node, content) =>
      content.length < 0x80
        ? Buffer.concat([header(node.tag, [0x81, content.length]), content])
        : Buffer.concat([header(node.tag, [0x83, 0, content.length >> 8, content.length & 0xff]), content]),
    ),
    'indefinite length': variantsPerNode(root, (node, content) =>
      node.children ? Buffer.concat([header(node.tag, [0x80]), content, Uint8Array.of(0, 0)]) : null,
    ),
    'BER boolean': variantsPerNode(root, (node) => (node.tag === 0x01 ? Uint8Array.of(0x01, 0x01, 0x01) : null)),
    'boolean FALSE spelled out': variantsPerNode(root, (node) => (node.tag === 0x01 ? Uint8Array.of(0x01, 0x01, 0x00) : null)),
    'padded integer': variantsPerNode(root, (node, content) =>
      (node.tag === 0x02 || node.tag === 0x80 + 2) && !node.children ? der(node.tag, Uint8Array.of(content[0]! & 0x80 ? 0xff : 0), content) : null,
    ),
  };
}

describe('the DER parser reads certificates as the @peculiar/asn1js one did', () => {
  const corpus = validCorpus();

  test('every well-formed certificate gives the same ParsedCertificate', () => {
    for (const [label, certificate] of Object.entries(corpus)) {
      const expected = outcomeOf(oracleParseCertificate, certificate);
      assert.ok('accepted' in expected, `${label}: the old parser refused it (${JSON.stringify(expected)})`);
      assertSameOutcome(certificate, label);
    }
  });

  test('the same signature scheme for the algorithm of every certificate', () => {
    for (const certificate of Object.values(corpus)) {
      const { signatureAlgorithmOid, signatureAlgorithmParameters } = parseCertificate(certificate);
      assert.deepEqual(
        signatureSchemeOf(signatureAlgorithmOid, signatureAlgorithmParameters),
        oracleSignatureSchemeOf(signatureAlgorithmOid, signatureAlgorithmParameters),
      );
    }
  });

  const samples: Record<string, Uint8Array> = {
    'EC P-256': corpus['EC P-256']!,
    'RSA-PSS': corpus['RSA-PSS SHA-256']!,
    'chain leaf': corpus['chain leaf']!,
    'every extension': forgeCertificate({
      key: 'p256',
      ca: { pathLen: 1 },
      extraExtensions: Object.entries(EXTENSION_VALUES)
        .filter(([name]) => name !== 'authorityKeyIdentifier')
        .map(([name, value]) => ({ oid: EXTENSION_OIDS[name]!, critical: name === 'subjectAltName', value })),
      mutateTbs: (tbs) => {
        tbs.validity.notAfter = new Time({ generalTime: new Date('2061-02-03T04:05:06Z') });
      },
    }).der,
  };

  test('every truncation gives the same refusal', () => {
    for (const [label, certificate] of Object.entries(samples)) {
      for (let length = 0; length < certificate.length; length += 1) assertSameOutcome(certificate.subarray(0, length), `${label} cut to ${length} bytes`);
    }
  });

  test('every flipped byte gives the same result', () => {
    for (const [label, certificate] of Object.entries(samples)) {
      for (const mask of [0xff, 0x01, 0x20, 0x80]) {
        for (let offset = 0; offset < certificate.length; offset += 1) {
          const flipped = Uint8Array.from(certificate);
          flipped[offset]! ^= mask;
          assertSameOutcome(flipped, `${label} with byte ${offset} ^ 0x${mask.toString(16)}`, true);
        }
      }
    }
  });

  test('trailing bytes, and data that is not a certificate', () => {
    const certificate = samples['EC P-256']!;
    for (const tail of [Uint8Array.of(0), Uint8Array.of(0, 0), Uint8Array.of(0x05, 0x00), certificate]) {
      assertSameOutcome(Buffer.concat([certificate, tail]), 'trailing bytes');
    }
    for (const junk of [
      new Uint8Array(0),
      Uint8Array.of(0x30),
      Uint8Array.of(0x30, 0x00),
      Uint8Array.of(0x30, 0x80, 0, 0),
      Uint8Array.of(0x05, 0x00),
      ascii('-----BEGIN'),
    ]) {
      assertSameOutcome(junk, 'junk');
    }
  });

  // Every variant is BER by construction (unless the change is inside bytes nobody reads as DER), so KER-PCM-101 is
  // always a right answer; the old parser sometimes gave another one first (it kept the bytes of an ANY, such as
  // curve parameters, as given and refused them later) or none (it kept a padded INTEGER as given).
  test('BER encodings of every element: refused, with the old code or as not DER', () => {
    for (const [label, certificate] of Object.entries(samples)) {
      for (const [kind, variants] of Object.entries(encodingVariants(certificate))) {
        for (const [index, variant] of variants.entries()) {
          const actual = outcomeOf(parseCertificate, variant);
          const expected = outcomeOf(oracleParseCertificate, variant);
          const context = `${label}, ${kind} #${index}: ${Buffer.from(variant).toString('hex')}`;
          // Both accept a change inside bytes that neither reads as DER (a signature value, an extension we ignore).
          if ('accepted' in actual && 'accepted' in expected) assert.deepStrictEqual(actual, expected, context);
          assert.ok('code' in actual || 'accepted' in expected, `${context} was accepted`);
          if (!('code' in actual) || ('code' in expected && actual.code === expected.code) || STRICTER.test(actual.message)) continue;
          assert.equal(actual.code, NOT_CANONICAL, `${context}\nnew: ${actual.message}\nold: ${'code' in expected ? expected.message : 'accepted'}`);
        }
      }
    }
  });
});
