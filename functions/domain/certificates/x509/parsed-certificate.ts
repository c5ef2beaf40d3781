/** One attribute of a distinguished name, in the order the certificate encodes it. */
export interface NameAttribute {
  oid: string;
  /** CN, OU, O, L, ST, C, E, ...; null for attribute types without a usual short name. */
  shortName: string | null;
  value: string;
}

export interface DistinguishedName {
  /** The Name's DER exactly as signed; names are compared by these bytes. */
  der: Uint8Array;
  /** In encoding order; multi-valued RDNs flattened. */
  attributes: NameAttribute[];
  /** MOSIP's formatCertificateDN: "CN=..,OU=..,O=..,L=..,ST=..,C=..", present attributes only (distinguished-name.ts). */
  text: string;
}

export interface CertificatePublicKey {
  spkiDer: Uint8Array;
  type: 'RSA' | 'EC' | 'Ed25519' | 'unsupported';
  rsaBits?: number;
  curve?: 'P-256' | 'P-384' | 'P-521' | 'P-192' | 'explicit' | 'other';
  /** What the key is, for error details: "RSA 2048-bit", "EC P-192", "DSA (1.2.840.10040.4.1)"... */
  description: string;
}

export interface KeyUsageBits {
  digitalSignature: boolean;
  nonRepudiation: boolean;
  keyEncipherment: boolean;
  dataEncipherment: boolean;
  keyAgreement: boolean;
  keyCertSign: boolean;
  cRLSign: boolean;
}

export interface ParsedCertificate {
  der: Uint8Array;
  tbsDer: Uint8Array;
  version: 1 | 2 | 3;
  /** The serial number INTEGER's content octets, as encoded (a leading 00 sign octet included), lower-case hex. */
  serialNumberHex: string;
  subject: DistinguishedName;
  issuer: DistinguishedName;
  notBefore: Date;
  notAfter: Date;
  signatureAlgorithmOid: string;
  /** DER of the signature AlgorithmIdentifier's parameters; null when absent (RSA-PSS needs them). */
  signatureAlgorithmParameters: Uint8Array | null;
  signatureValue: Uint8Array;
  publicKey: CertificatePublicKey;
  basicConstraints: { cA: boolean; pathLenConstraint: number | null; critical: boolean } | null;
  keyUsage: KeyUsageBits | null;
  /** The extKeyUsage purpose OIDs in order; [] for an (invalid) empty extension, null when absent. */
  extendedKeyUsage: string[] | null;
  /** Lower-case hex. */
  subjectKeyIdentifier: string | null;
  /** The keyIdentifier of authorityKeyIdentifier, lower-case hex. */
  authorityKeyIdentifier: string | null;
  /** Whether authorityKeyIdentifier names the issuer's issuer and serial number (authorityCertIssuer / authorityCertSerialNumber). */
  authorityKeyIdentifierNamesIssuer: boolean;
  /** OIDs of every extension, in order. */
  extensionIds: string[];
  /** OIDs of the extensions marked critical, in order (all of them ones we process: parsing refuses the others). */
  criticalExtensions: string[];
  /** Lower-case hex of SHA-1 / SHA-256 over der. */
  thumbprintSha1: string;
  thumbprintSha256: string;
}
