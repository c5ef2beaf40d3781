import type { DistinguishedName } from './parsed-certificate.js';

/**
 * MOSIP's "first" value of an attribute type (formatCertificateDN, getCertificateOrgName): it reads the name from
 * X500Principal.getName(), an RFC 2253 string that lists RDNs in reverse encoding order, so its first value is the
 * last one encoded. Only differs from the first encoded one when the type repeats (OU=A,OU=B). The value is returned
 * unescaped (MOSIP compares the escaped form with the organisation name, so "Foo, Inc" never matched there).
 * Its own module, free of the ASN.1 packages, for the readers that get the attributes from node:crypto
 * (stored-certificate.ts).
 */
export function firstAttribute(name: Pick<DistinguishedName, 'attributes'>, shortName: string): string | null {
  for (let index = name.attributes.length - 1; index >= 0; index -= 1) {
    const attribute = name.attributes[index]!;
    if (attribute.shortName === shortName) return attribute.value;
  }
  return null;
}
