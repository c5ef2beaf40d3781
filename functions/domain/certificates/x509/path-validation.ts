import { CERTIFICATE_ERRORS } from '../../../errors/certificate-errors.js';
import { type ErrorDefinition, PmsError } from '../../../errors/pms-error.js';
import { toHex } from './bytes.js';
import { checkCertificateProfile } from './certificate-profile.js';
import { checkCaCertificate, isSelfIssued } from './certificate-roles.js';
import type { ParsedCertificate } from './parsed-certificate.js';
import { refusal } from './refusal.js';
import { verifySignedBy } from './signature-verification.js';

export { verifySignedBy } from './signature-verification.js';

export interface TrustStore {
  anchors: ParsedCertificate[];
  intermediates: ParsedCertificate[];
}

export interface PathValidationOptions {
  /** One clock, UTC, bounds inclusive. */
  at: Date;
  /** KER-PCM-005 for CA uploads, KER-PCM-006 for partner certificates. */
  missingPathError: ErrorDefinition;
  /**
   * Certificates in a path, target and anchor included, self-issued intermediates (key rollovers) not counted, as
   * RFC 5280 §6.1.4 (l) does not count them against max_path_length; default 5. A path holds at most twice this
   * many certificates in all, self-issued ones included.
   */
  maxDepth?: number;
  /** Signature verifications per call; default 50. */
  signatureBudget?: number;
  /**
   * Candidate issuers tried per call, default 200. Verdicts are cached per (certificate, issuer key), so a pool of
   * same-name certificates sharing one key costs few signatures while the search walks its orderings; this bounds
   * that walk.
   */
  candidateBudget?: number;
}

export interface ValidatedPath {
  /** Target first, anchor last. */
  chain: ParsedCertificate[];
  signatureChecks: number;
}

export const DEFAULT_MAX_DEPTH = 5;
export const DEFAULT_SIGNATURE_BUDGET = 50;
export const DEFAULT_CANDIDATE_BUDGET = 200;

/** Why a candidate issuer was refused; the refusal reported is the deepest one, then the highest rank. */
const RANK = { signature: 1, issuerCheck: 2, pathTooLong: 3 } as const;
type Rank = (typeof RANK)[keyof typeof RANK];

interface Search {
  at: Date;
  maxDepth: number;
  budget: number;
  candidateBudget: number;
  anchors: Set<string>;
  issuersByName: Map<string, ParsedCertificate[]>;
  signatureChecks: number;
  candidatesTried: number;
  /** Verdicts by (certificate, issuer key): the same link met again on another branch costs nothing. */
  verdicts: Map<string, boolean>;
  failure: { depth: number; rank: Rank; error: PmsError } | null;
}

/**
 * RFC 5280 §6.1 path validation against an explicit set of trust anchors (docs/certificates.md). A path ends at a
 * certificate of `trust.anchors` by its exact bytes, so a self-signed root with a trusted root's name is nobody's
 * anchor. Issuers are found by the exact DER of their subject; AKI/SKI only decides which same-name candidate is tried
 * first. Each link's signature is verified with the issuer's key; every certificate of the path, anchor included, is
 * valid at `at` and passes the profile (serial number, algorithm and key policy); every issuer, anchor included, is a v3 CA with keyCertSign
 * whose pathLenConstraint admits the non-self-issued intermediates below it. A failed candidate is backtracked from;
 * the work is bounded by a signature budget and a candidate budget (KER-PCM-112), so any pool is refused quickly;
 * when no path exists the most specific refusal of the deepest attempt is thrown, or `missingPathError` when no
 * candidate ever failed a check (no issuer at all, or only dead ends without an anchor).
 */
export function validatePath(target: ParsedCertificate, trust: TrustStore, options: PathValidationOptions): ValidatedPath {
  checkValidAt(target, options.at);
  checkCertificateProfile(target);
  const anchors = new Set(trust.anchors.map((anchor) => anchor.thumbprintSha256));
  if (anchors.has(target.thumbprintSha256)) return { chain: [target], signatureChecks: 0 };

  const search: Search = {
    at: options.at,
    maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH,
    budget: options.signatureBudget ?? DEFAULT_SIGNATURE_BUDGET,
    candidateBudget: options.candidateBudget ?? DEFAULT_CANDIDATE_BUDGET,
    anchors,
    issuersByName: issuersByName([...trust.anchors, ...trust.intermediates]),
    signatureChecks: 0,
    candidatesTried: 0,
    verdicts: new Map(),
    failure: null,
  };
  const chain = extend(search, [target]);
  if (chain) return { chain, signatureChecks: search.signatureChecks };
  if (search.failure) throw search.failure.error;
  throw refusal(options.missingPathError, `no trusted issuer for ${target.subject.text}, issued by ${target.issuer.text}`);
}

/** checkValidAt's test, for the upload rules that answer with their own codes. */
export function isValidAt(cert: ParsedCertificate, at: Date): boolean {
  // UTCTime and GeneralizedTime carry whole seconds (RFC 5280 §4.1.2.5), so the instant is compared at that
  // precision: a notAfter of 12:00:00Z still holds at 12:00:00.500Z.
  const second = Math.floor(at.getTime() / 1000) * 1000;
  return second >= cert.notBefore.getTime() && second <= cert.notAfter.getTime();
}

/** Inclusive bounds: a certificate is valid at exactly its notBefore and exactly its notAfter (RFC 5280 §4.1.2.5), to the second. */
export function checkValidAt(cert: ParsedCertificate, at: Date): void {
  if (!isValidAt(cert, at)) {
    throw refusal(
      CERTIFICATE_ERRORS.CERTIFICATE_DATES_NOT_VALID,
      `${cert.subject.text}: valid from ${cert.notBefore.toISOString()} to ${cert.notAfter.toISOString()}, checked at ${at.toISOString()}`,
    );
  }
}

/** Depth first, so at most one partial path is held; a certificate already on the path is never tried again (cycles). */
function extend(search: Search, chain: ParsedCertificate[]): ParsedCertificate[] | null {
  const child = chain.at(-1)!;
  for (const candidate of candidatesFor(search, child, chain)) {
    countCandidate(search, chain);
    const depth = chain.length;
    const tooLong = lengthRefusal(search, chain);
    if (tooLong) {
      record(search, depth, RANK.pathTooLong, tooLong);
      continue;
    }
    const issuerError = issuerRefusal(search, candidate, chain);
    if (issuerError) {
      record(search, depth, RANK.issuerCheck, issuerError);
      continue;
    }
    if (!signatureVerifies(search, child, candidate)) {
      record(
        search,
        depth,
        RANK.signature,
        refusal(CERTIFICATE_ERRORS.INVALID_SIGNATURE, `${child.subject.text} is not signed by the key of ${candidate.subject.text}`),
      );
      continue;
    }
    const path = [...chain, candidate];
    if (search.anchors.has(candidate.thumbprintSha256)) return path;
    const found = extend(search, path);
    if (found) return found;
  }
  return null;
}

function countCandidate(search: Search, chain: ParsedCertificate[]): void {
  search.candidatesTried += 1;
  if (search.candidatesTried > search.candidateBudget) {
    throw refusal(
      CERTIFICATE_ERRORS.VALIDATION_BUDGET_EXCEEDED,
      `more than ${search.candidateBudget} candidate issuers tried while looking for a path from ${chain[0]!.subject.text}`,
    );
  }
}

/** Whether one more issuer would make the path too long: counted as RFC 5280 counts, and in all (self-issued included). */
function lengthRefusal(search: Search, chain: ParsedCertificate[]): PmsError | null {
  if (1 + countedIntermediates(chain) + 1 > search.maxDepth) {
    return refusal(CERTIFICATE_ERRORS.PATH_TOO_LONG, `more than ${search.maxDepth} certificates from ${chain[0]!.subject.text} to a trusted root`);
  }
  if (chain.length + 1 > 2 * search.maxDepth) {
    return refusal(
      CERTIFICATE_ERRORS.PATH_TOO_LONG,
      `more than ${2 * search.maxDepth} certificates, self-issued ones included, from ${chain[0]!.subject.text} to a trusted root`,
    );
  }
  return null;
}

/** Same-name certificates not yet on the path; the one whose SKI is the child's AKI first, then anchors before intermediates. */
function candidatesFor(search: Search, child: ParsedCertificate, chain: ParsedCertificate[]): ParsedCertificate[] {
  const onPath = new Set(chain.map((cert) => cert.thumbprintSha256));
  const sameName = (search.issuersByName.get(toHex(child.issuer.der)) ?? []).filter((cert) => !onPath.has(cert.thumbprintSha256));
  const score = (cert: ParsedCertificate) =>
    (child.authorityKeyIdentifier !== null && cert.subjectKeyIdentifier === child.authorityKeyIdentifier ? 0 : 2) +
    (search.anchors.has(cert.thumbprintSha256) ? 0 : 1);
  return sameName
    .map((cert, order) => ({ cert, order, score: score(cert) }))
    .sort((a, b) => a.score - b.score || a.order - b.order)
    .map(({ cert }) => cert);
}

/** The checks that need no signature, so a candidate that fails them costs nothing from the budget. */
function issuerRefusal(search: Search, candidate: ParsedCertificate, chain: ParsedCertificate[]): PmsError | null {
  try {
    checkCaCertificate(candidate);
    checkPathLength(candidate, chain);
    checkValidAt(candidate, search.at);
    checkCertificateProfile(candidate);
    return null;
  } catch (error) {
    if (error instanceof PmsError) return error;
    throw error;
  }
}

/** RFC 5280 §6.1.4 (l, m): the non-self-issued intermediates below an issuer may not outnumber its pathLenConstraint. */
function checkPathLength(issuer: ParsedCertificate, chain: ParsedCertificate[]): void {
  const limit = issuer.basicConstraints?.pathLenConstraint ?? null;
  if (limit === null) return;
  const below = countedIntermediates(chain);
  if (below > limit) {
    throw refusal(
      CERTIFICATE_ERRORS.PATH_LENGTH_CONSTRAINT_EXCEEDED,
      `${issuer.subject.text} allows ${limit} intermediate CA(s) below it, the path has ${below}`,
    );
  }
}

/** The intermediates below the chain's target that are not self-issued (RFC 5280 §6.1.4 (l) counts only those). */
function countedIntermediates(chain: ParsedCertificate[]): number {
  return chain.slice(1).filter((cert) => !isSelfIssued(cert)).length;
}

function signatureVerifies(search: Search, child: ParsedCertificate, issuer: ParsedCertificate): boolean {
  const link = `${child.thumbprintSha256}:${toHex(issuer.publicKey.spkiDer)}`;
  const known = search.verdicts.get(link);
  if (known !== undefined) return known;
  if (search.signatureChecks >= search.budget) {
    throw refusal(
      CERTIFICATE_ERRORS.VALIDATION_BUDGET_EXCEEDED,
      `more than ${search.budget} signature checks while looking for the issuer of ${child.subject.text}`,
    );
  }
  search.signatureChecks += 1;
  const verdict = verifySignedBy(child, issuer.publicKey);
  search.verdicts.set(link, verdict);
  return verdict;
}

function record(search: Search, depth: number, rank: Rank, error: PmsError): void {
  const current = search.failure;
  if (!current || depth > current.depth || (depth === current.depth && rank > current.rank)) search.failure = { depth, rank, error };
}

function issuersByName(certificates: ParsedCertificate[]): Map<string, ParsedCertificate[]> {
  const byName = new Map<string, ParsedCertificate[]>();
  const seen = new Set<string>();
  for (const cert of certificates) {
    if (seen.has(cert.thumbprintSha256)) continue;
    seen.add(cert.thumbprintSha256);
    const name = toHex(cert.subject.der);
    const named = byName.get(name);
    if (named) named.push(cert);
    else byName.set(name, [cert]);
  }
  return byName;
}
