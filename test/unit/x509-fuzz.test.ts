import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { parseCertificateData } from '../../functions/domain/certificates/x509/certificate-data.js';
import { isSelfIssued } from '../../functions/domain/certificates/x509/certificate-roles.js';
import { parseCertificate } from '../../functions/domain/certificates/x509/parse-certificate.js';
import type { ParsedCertificate } from '../../functions/domain/certificates/x509/parsed-certificate.js';
import { type TrustStore, validatePath, verifySignedBy } from '../../functions/domain/certificates/x509/path-validation.js';
import { encodeCertsOnlyPkcs7, pkcs7Pem } from '../../functions/domain/certificates/x509/pkcs7.js';
import { CERTIFICATE_ERRORS } from '../../functions/errors/certificate-errors.js';
import { PmsError } from '../../functions/errors/pms-error.js';
import { type ForgedCertificate, forgeCertificate, forgeTrustChain } from '../../local/certificate-forge.js';

const AT = new Date('2026-06-01T12:00:00.000Z');
const DAY_MS = 24 * 60 * 60 * 1000;
const VALID = { notBefore: new Date(AT.getTime() - DAY_MS), notAfter: new Date(AT.getTime() + 365 * DAY_MS) };

const CHAIN = forgeTrustChain({ organization: 'Fuzz Org', at: AT });
const GENUINE = [CHAIN.leaf, CHAIN.intermediate, CHAIN.root].map((cert) => parseCertificate(cert.der));
const [, INTERMEDIATE, ROOT] = GENUINE as [ParsedCertificate, ParsedCertificate, ParsedCertificate];
const TRUST: TrustStore = { anchors: [ROOT], intermediates: [INTERMEDIATE] };
const GENUINE_HEX = new Set(GENUINE.map((cert) => Buffer.from(cert.der).toString('hex')));
const BUDGET = 8;

/** Runs an operation that may refuse; anything thrown that is not a PmsError fails the property. */
function onlyRefusals<T>(action: () => T): T | PmsError {
  try {
    return action();
  } catch (error) {
    if (error instanceof PmsError) return error;
    throw new Error(`threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)} instead of a PmsError`);
  }
}

/** Validates whatever parsed; an accepted certificate must be one of the genuine ones, and the budget must hold. */
function checkValidation(cert: ParsedCertificate): void {
  const result = onlyRefusals(() =>
    validatePath(cert, TRUST, { at: AT, missingPathError: CERTIFICATE_ERRORS.ROOT_INTER_CA_NOT_FOUND, signatureBudget: BUDGET }),
  );
  if (result instanceof PmsError) return;
  assert.ok(GENUINE_HEX.has(Buffer.from(cert.der).toString('hex')), 'a mutated certificate was accepted');
  assert.ok(result.signatureChecks <= BUDGET);
}

// A small DER tree (definite lengths, as the genuine certificates are) to aim mutations at headers and subtrees.
interface Node {
  tag: number;
  start: number;
  contentStart: number;
  end: number;
  children: Node[] | null;
}

function nodesOf(der: Uint8Array, start = 0, end = der.length): Node[] {
  const nodes: Node[] = [];
  for (let offset = start; offset < end; ) {
    const tag = der[offset]!;
    let length = der[offset + 1]!;
    let contentStart = offset + 2;
    if (length & 0x80) {
      const octets = length & 0x7f;
      length = 0;
      for (let index = 0; index < octets; index += 1) length = length * 256 + der[contentStart + index]!;
      contentStart += octets;
    }
    const nodeEnd = contentStart + length;
    nodes.push({ tag, start: offset, contentStart, end: nodeEnd, children: tag & 0x20 ? nodesOf(der, contentStart, nodeEnd) : null });
    offset = nodeEnd;
  }
  return nodes;
}

function flatten(nodes: Node[]): Node[] {
  return nodes.flatMap((node) => [node, ...flatten(node.children ?? [])]);
}

function derLength(length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(length);
  const bytes: number[] = [];
  for (let value = length; value > 0; value = Math.floor(value / 256)) bytes.unshift(value & 0xff);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

/** Re-encodes the tree with `target` replaced, fixing the lengths of every enclosing element. */
function encodeReplacing(der: Uint8Array, node: Node, target: Node, replacement: Uint8Array): Uint8Array {
  if (node === target) return replacement;
  if (!node.children) return der.subarray(node.start, node.end);
  const content = Buffer.concat(node.children.map((child) => encodeReplacing(der, child, target, replacement)));
  return Buffer.concat([Uint8Array.of(node.tag), derLength(content.length), content]);
}

const LENGTH_EDITS = [
  (length: number) => derLength(length + 1),
  (length: number) => derLength(Math.max(0, length - 1)),
  () => Uint8Array.of(0x80),
  (length: number) => Uint8Array.of(0x84, 0, 0, (length >> 8) & 0xff, length & 0xff),
  () => Uint8Array.of(0x84, 0xff, 0xff, 0xff, 0xff),
  () => Uint8Array.of(0x00),
];

type DerMutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'set'; at: number; value: number }
  | { kind: 'truncate'; keep: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; count: number }
  | { kind: 'length'; node: number; edit: number }
  | { kind: 'splice'; node: number; donor: number; donorNode: number };

const index = fc.nat({ max: 1 << 20 });
const derMutation: fc.Arbitrary<DerMutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: index, bit: fc.nat({ max: 7 }) }),
  fc.record({ kind: fc.constant('set' as const), at: index, value: fc.nat({ max: 255 }) }),
  fc.record({ kind: fc.constant('truncate' as const), keep: index }),
  fc.record({ kind: fc.constant('insert' as const), at: index, bytes: fc.uint8Array({ minLength: 1, maxLength: 4 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: index, count: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('length' as const), node: index, edit: fc.nat({ max: LENGTH_EDITS.length - 1 }) }),
  fc.record({ kind: fc.constant('splice' as const), node: index, donor: fc.nat({ max: GENUINE.length - 1 }), donorNode: index }),
);

function mutateDer(der: Uint8Array, mutation: DerMutation): Uint8Array {
  const bytes = Buffer.from(der);
  const at = (position: number) => position % Math.max(1, bytes.length);
  switch (mutation.kind) {
    case 'flip':
      bytes[at(mutation.at)]! ^= 1 << mutation.bit;
      return bytes;
    case 'set':
      bytes[at(mutation.at)] = mutation.value;
      return bytes;
    case 'truncate':
      return bytes.subarray(0, mutation.keep % (bytes.length + 1));
    case 'insert':
      return Buffer.concat([bytes.subarray(0, at(mutation.at)), mutation.bytes, bytes.subarray(at(mutation.at))]);
    case 'delete':
      return Buffer.concat([bytes.subarray(0, at(mutation.at)), bytes.subarray(at(mutation.at) + mutation.count)]);
    case 'length':
    case 'splice': {
      let nodes: Node[];
      try {
        nodes = nodesOf(bytes);
      } catch {
        return bytes; // an earlier mutation already broke the structure this one aims at
      }
      const all = flatten(nodes);
      const node = all[mutation.node % all.length];
      if (!node || node.end > bytes.length) return bytes;
      if (mutation.kind === 'length') {
        const edited = LENGTH_EDITS[mutation.edit]!(node.end - node.contentStart);
        return Buffer.concat([bytes.subarray(0, node.start + 1), edited, bytes.subarray(node.contentStart)]);
      }
      const donorDer = GENUINE[mutation.donor]!.der;
      const donorNodes = flatten(nodesOf(donorDer));
      const donorNode = donorNodes[mutation.donorNode % donorNodes.length]!;
      return Buffer.concat(nodes.map((root) => encodeReplacing(bytes, root, node, donorDer.subarray(donorNode.start, donorNode.end))));
    }
  }
}

type TextMutation =
  | { kind: 'replace'; at: number; text: string }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; count: number }
  | { kind: 'truncate'; keep: number }
  | { kind: 'duplicate'; from: number; length: number; at: number };

const junk = fc.constantFrom(
  'A',
  'z',
  '0',
  '+',
  '/',
  '-',
  '_',
  '=',
  ' ',
  '\n',
  '\r',
  '*',
  '.',
  'é',
  '\u0000',
  '-----',
  '-----BEGIN CERTIFICATE-----',
  '-----END PKCS7-----',
);
const textMutation: fc.Arbitrary<TextMutation> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), at: index, text: junk }),
  fc.record({ kind: fc.constant('insert' as const), at: index, text: junk }),
  fc.record({ kind: fc.constant('delete' as const), at: index, count: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('truncate' as const), keep: index }),
  fc.record({ kind: fc.constant('duplicate' as const), from: index, length: fc.integer({ min: 1, max: 200 }), at: index }),
);

function mutateText(text: string, mutation: TextMutation): string {
  const at = (position: number) => position % Math.max(1, text.length);
  switch (mutation.kind) {
    case 'replace':
      return text.slice(0, at(mutation.at)) + mutation.text + text.slice(at(mutation.at) + 1);
    case 'insert':
      return text.slice(0, at(mutation.at)) + mutation.text + text.slice(at(mutation.at));
    case 'delete':
      return text.slice(0, at(mutation.at)) + text.slice(at(mutation.at) + mutation.count);
    case 'truncate':
      return text.slice(0, mutation.keep % (text.length + 1));
    case 'duplicate': {
      const piece = text.slice(at(mutation.from), at(mutation.from) + mutation.length);
      return text.slice(0, at(mutation.at)) + piece + text.slice(at(mutation.at));
    }
  }
}

const P7B = encodeCertsOnlyPkcs7([CHAIN.leaf.der, CHAIN.intermediate.der, CHAIN.root.der]);
const TEXTS = [
  CHAIN.leaf.pem,
  `${CHAIN.leaf.pem}${CHAIN.intermediate.pem}`,
  pkcs7Pem(P7B),
  Buffer.from(P7B).toString('base64url'),
  Buffer.from(CHAIN.leaf.der).toString('base64'),
];

describe('fuzz: mutated certificates are refused with a PmsError, never accepted, never crash', () => {
  test('mutated DER of each chain certificate (bit flips, truncation, length bytes, TLV splices)', () => {
    fc.assert(
      fc.property(fc.nat({ max: GENUINE.length - 1 }), fc.array(derMutation, { minLength: 1, maxLength: 3 }), (which, mutations) => {
        const mutated = mutations.reduce<Uint8Array>((der, mutation) => mutateDer(der, mutation), GENUINE[which]!.der);
        const parsed = onlyRefusals(() => parseCertificate(mutated));
        if (!(parsed instanceof PmsError)) checkValidation(parsed);
      }),
      { numRuns: 2500 },
    );
  });

  test('mutated PEM, PKCS7 PEM, base64url P7B and base64 DER fed to parseCertificateData', () => {
    fc.assert(
      fc.property(fc.nat({ max: TEXTS.length - 1 }), fc.array(textMutation, { minLength: 1, maxLength: 3 }), (which, mutations) => {
        const text = mutations.reduce((current, mutation) => mutateText(current, mutation), TEXTS[which]!);
        const parsed = onlyRefusals(() => parseCertificateData(text));
        if (!(parsed instanceof PmsError)) parsed.forEach(checkValidation);
      }),
      { numRuns: 1200 },
    );
  });

  test('arbitrary strings and bytes', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        onlyRefusals(() => parseCertificateData(text));
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        onlyRefusals(() => parseCertificate(bytes));
      }),
      { numRuns: 300 },
    );
  });
});

describe('fuzz: path validation over random trust stores', () => {
  const name = (cert: ForgedCertificate) => parseCertificate(cert.der);
  const rootSubject = 'CN=Fuzz Org Root CA,O=Fuzz Org,C=IN';
  const intermediateSubject = 'CN=Fuzz Org Intermediate CA,O=Fuzz Org,C=IN';
  const rogueRoot = forgeCertificate({ subject: rootSubject, keySlot: 'fuzz-rogue', ca: true, ...VALID });
  const POOL = [
    ...GENUINE,
    ...Array.from({ length: 4 }, (_, slot) =>
      name(forgeCertificate({ subject: intermediateSubject, issuer: CHAIN.root, key: 'p256', keySlot: `fuzz-decoy-${slot}`, ca: true, ...VALID })),
    ),
    name(
      forgeCertificate({
        subject: intermediateSubject,
        issuer: CHAIN.root,
        keySlot: 'chain-intermediate',
        ca: true,
        notBefore: VALID.notBefore,
        notAfter: new Date(AT.getTime() - 1000),
      }),
    ),
    name(forgeCertificate({ subject: intermediateSubject, issuer: CHAIN.root, keySlot: 'chain-intermediate', ca: false, keyUsage: ['keyCertSign'], ...VALID })),
    name(forgeCertificate({ subject: intermediateSubject, issuer: CHAIN.root, keySlot: 'chain-intermediate', ca: { pathLen: 0 }, ...VALID })),
    name(rogueRoot),
    name(forgeCertificate({ subject: intermediateSubject, issuer: rogueRoot, keySlot: 'chain-intermediate', ca: true, ...VALID })),
    name(forgeCertificate({ subject: rootSubject, issuer: CHAIN.intermediate, keySlot: 'chain-root', ca: true, ...VALID })),
  ];

  test('only PmsError; an accepted path is a real chain to an anchor within budget and depth', () => {
    const subset = fc.uniqueArray(fc.nat({ max: POOL.length - 1 }), { maxLength: POOL.length });
    fc.assert(
      fc.property(
        fc.nat({ max: POOL.length - 1 }),
        subset,
        subset,
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: -400, max: 400 }),
        (target, anchorIndexes, intermediateIndexes, budget, maxDepth, dayOffset) => {
          const at = new Date(AT.getTime() + dayOffset * DAY_MS);
          const anchors = anchorIndexes.map((position) => POOL[position]!);
          const result = onlyRefusals(() =>
            validatePath(
              POOL[target]!,
              { anchors, intermediates: intermediateIndexes.map((position) => POOL[position]!) },
              { at, missingPathError: CERTIFICATE_ERRORS.ROOT_CA_NOT_FOUND, signatureBudget: budget, maxDepth },
            ),
          );
          if (result instanceof PmsError) return;
          const { chain, signatureChecks } = result;
          assert.ok(signatureChecks <= budget);
          // RFC 5280 §4.2.1.9: self-issued intermediates do not count against the depth; all of them are bounded by twice it.
          const counted = chain.length === 1 ? 1 : 2 + chain.slice(1, -1).filter((cert) => !isSelfIssued(cert)).length;
          assert.ok(counted <= maxDepth && chain.length <= 2 * maxDepth, `${chain.length} certificates, ${counted} counted, depth ${maxDepth}`);
          assert.equal(chain[0], POOL[target]);
          assert.ok(anchors.includes(chain.at(-1)!));
          for (const cert of chain) assert.ok(cert.notBefore <= at && at <= cert.notAfter);
          chain.slice(1).forEach((issuer, position) => {
            const child = chain[position]!;
            assert.deepEqual(child.issuer.der, issuer.subject.der);
            assert.ok(verifySignedBy(child, issuer.publicKey));
            assert.equal(issuer.basicConstraints?.cA, true);
          });
        },
      ),
      { numRuns: 600 },
    );
  });
});
