import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { test } from 'node:test';
import { uploadCaCertificates } from '../../functions/domain/certificates/ca-upload.js';
import { uploadPartnerCertificate } from '../../functions/domain/certificates/partner-certificate-upload.js';
import { partnerCertificatesDetails } from '../../functions/domain/certificates/partner-certificates-details.js';
import { forgeTrustChain } from '../../local/certificate-forge.js';
import { inMemoryCertificateDeps, registeredAuthPartner } from '../support/certificate-deps.js';

const NOW = new Date('2026-11-23T10:00:00.000Z');
const DAY_MS = 24 * 60 * 60 * 1000;
const ADMIN = { userId: 'admin', isAdmin: true };
const BANK = { userId: 'bank-1', isAdmin: false };

/** bank-1 active with a certificate of its own valid two years, so MOSIP's signed one (a year) expires first. */
async function withUploadedCertificate() {
  const chain = forgeTrustChain({ organization: 'Bank One', commonName: 'bank-1 signer', at: NOW });
  const world = await inMemoryCertificateDeps({ now: NOW, partners: [registeredAuthPartner('bank-1', 'Bank One', NOW)] });
  await uploadCaCertificates(world.deps, ADMIN, { certificateData: chain.root.pem + chain.intermediate.pem, partnerDomain: 'AUTH' });
  const answer = await uploadPartnerCertificate(world.deps, BANK, { partnerId: 'bank-1', partnerDomain: 'AUTH', certificateData: chain.leaf.pem });
  const signed = new X509Certificate(answer.signedCertificateData);
  const at = (now: Date) => ({ ...world.deps, clock: { now: () => now } });
  return { at, signedNotAfter: new Date(signed.validTo), original: new X509Certificate(chain.leaf.pem) };
}

test("partner-certificates-details reports the MOSIP-signed certificate's CN and validity, as MOSIP does", async () => {
  const { at, signedNotAfter, original } = await withUploadedCertificate();
  const [row] = await partnerCertificatesDetails(at(NOW), BANK, undefined);
  assert.deepEqual(row, {
    partnerId: 'bank-1',
    certificateIssuedTo: 'bank-1 signer',
    certificateUploadDateTime: '2026-11-23T10:00:00.000+00:00',
    certificateExpiryDateTime: signedNotAfter.toISOString().replace('Z', '+00:00'),
    partnerType: 'Auth_Partner',
    isCertificateAvailable: true,
    isPartnerActive: true,
  });
  assert.ok(new Date(original.validTo) > signedNotAfter, 'the uploaded certificate outlives the signed one');
});

test('with expiryPeriod: signed certificates expiring by the end of that day, not already expired ones', async () => {
  const { at, signedNotAfter } = await withUploadedCertificate();
  // 30 days and one hour before the signed certificate expires: only the end-of-day rule includes it.
  const earlyThatDay = new Date(signedNotAfter.getTime() - 30 * DAY_MS - 60 * 60 * 1000);
  assert.equal(signedNotAfter.toISOString().slice(0, 10), new Date(earlyThatDay.getTime() + 30 * DAY_MS).toISOString().slice(0, 10));
  assert.deepEqual(
    (await partnerCertificatesDetails(at(earlyThatDay), BANK, 30)).map((row) => row.partnerId),
    ['bank-1'],
  );
  assert.deepEqual(await partnerCertificatesDetails(at(earlyThatDay), BANK, 29), []);
  const afterExpiry = new Date(signedNotAfter.getTime() + 1000);
  assert.deepEqual(await partnerCertificatesDetails(at(afterExpiry), BANK, 30), []);
  assert.equal((await partnerCertificatesDetails(at(afterExpiry), BANK, undefined))[0]?.isCertificateAvailable, true);
});
