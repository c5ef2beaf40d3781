import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { certificateRoutes } from '../../functions/routes/certificate-routes.js';
import { ftmChipRoutes } from '../../functions/routes/ftm-chip-routes.js';
import { bundleContents } from '../support/bundle-contents.js';

// What each certificate function may leave out of its bundle (issue #18): the functions that never sign do not load
// the KMS client or the certificate issuer, and those that only read stored certificates not the X.509 parser either:
// those that return stored PEM or JSON parse nothing, and the two that read validity, CN or the trust path use
// node:crypto's X509Certificate and a hand-written P7B (x509/stored-certificate.ts, x509/pkcs7.ts). The uploads
// bundle no ASN.1 package either: they parse with a hand-written DER reader (x509/der-reader.ts) and the issuer
// writes DER by hand (x509/der-writer.ts).
// Built as CDK deploys them (lib/bundling.ts), with the layer's packages external: the KMS client is in the layer, so
// what counts for it is whether the bundle imports it.

/** The functions that return stored PEM or JSON without reading a certificate. */
const STORED_DATA_READERS = [
  certificateRoutes.getPartnerCertificate,
  certificateRoutes.getPartnerCertificateData,
  certificateRoutes.listTrustCertificates,
  certificateRoutes.pmsCaCertificates,
];
/** The functions that read stored certificates (validity and CN, a PKCS#7 of the trust path) with node:crypto. */
const NODE_CRYPTO_READERS = [certificateRoutes.partnerCertificatesDetails, certificateRoutes.downloadTrustPath];
/** The upload that validates a CA certificate and stores it, never re-signing. */
const CA_UPLOAD = certificateRoutes.uploadCaCertificate;
/** The uploads that validate a certificate, and those that re-sign it. */
const UPLOADS = [CA_UPLOAD, certificateRoutes.uploadPartnerCertificate, ftmChipRoutes.uploadFtmChipCertificate];

const ASN1_PACKAGES = ['node_modules/@peculiar/', 'node_modules/asn1js/'];
const X509_MACHINERY = [...ASN1_PACKAGES, 'functions/domain/certificates/x509/parse-certificate.ts'];
const SIGNING_MACHINERY = [
  '@aws-sdk/client-kms',
  'functions/adapters/signing/',
  'functions/domain/certificates/certificate-issuer.ts',
  // wiring.ts builds the personal-data protector, which brings the KMS client along.
  'functions/adapters/wiring.ts',
];

/** The source files and package files esbuild read for the entry's bundle, and the packages it imports from the layer. */
function bundledInputs(entry: string): string[] {
  const { readInputs, externalImports } = bundleContents(entry);
  return [...readInputs, ...externalImports];
}

function assertLeavesOut(entry: string, machinery: readonly string[]): void {
  const inputs = bundledInputs(entry);
  // The check means something only if the bundle was built from the handler at all.
  assert.ok(
    inputs.some((input) => input.endsWith(entry)),
    `${entry} is not among its bundle's inputs`,
  );
  const found = inputs.filter((input) => machinery.some((part) => input.includes(part)));
  assert.deepEqual(found, [], `${entry} bundles ${found.join(', ')}`);
}

describe('certificate function bundles', () => {
  for (const route of STORED_DATA_READERS) {
    test(`${route.operationId} bundles neither the X.509 parser nor the signing machinery`, () => {
      assertLeavesOut(route.entry, [...X509_MACHINERY, ...SIGNING_MACHINERY]);
    });
  }

  for (const route of NODE_CRYPTO_READERS) {
    test(`${route.operationId} bundles neither the ASN.1 packages nor the signing machinery`, () => {
      assertLeavesOut(route.entry, [...X509_MACHINERY, ...SIGNING_MACHINERY]);
    });
  }

  test(`${CA_UPLOAD.operationId} bundles no signing machinery`, () => {
    assertLeavesOut(CA_UPLOAD.entry, SIGNING_MACHINERY);
  });

  for (const route of UPLOADS) {
    test(`${route.operationId} bundles no ASN.1 package (asn1js, @peculiar/*)`, () => {
      assertLeavesOut(route.entry, ASN1_PACKAGES);
    });
  }

  test('the partner certificate upload still bundles what it signs with (the check sees the machinery where it is)', () => {
    const inputs = bundledInputs(certificateRoutes.uploadPartnerCertificate.entry);
    for (const part of [
      'functions/domain/certificates/x509/parse-certificate.ts',
      '@aws-sdk/client-kms',
      'functions/domain/certificates/certificate-issuer.ts',
    ]) {
      assert.ok(
        inputs.some((input) => input.includes(part)),
        `uploadPartnerCertificate bundles nothing from ${part}`,
      );
    }
  });
});
