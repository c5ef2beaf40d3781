import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CaCertificate } from '../../functions/domain/certificates/stored-certificates.js';
import { listTrustCertificates } from '../../functions/domain/certificates/trust-certificates.js';
import { inMemoryCertificateDeps } from '../support/certificate-deps.js';

const NOW = new Date('2026-11-23T10:00:00.000Z');

function stored(certId: string, caCertificateType: CaCertificate['caCertificateType'], uploadTime: string): CaCertificate {
  return {
    certId,
    partnerDomain: 'AUTH',
    caCertificateType,
    issuerId: certId,
    subject: `CN=${certId}`,
    issuer: `CN=${certId}`,
    notBefore: '2026-01-01T00:00:00.000Z',
    notAfter: '2031-01-01T00:00:00.000Z',
    thumbprintSha1: certId,
    thumbprintSha256: certId,
    serialNumber: '01',
    pem: '',
    uploadedBy: 'admin',
    uploadTime,
  };
}

test("unsorted, the trust list is keymanager's default: oldest upload first, roots first within one upload", async () => {
  const trustStore = [
    stored('c-late-root', 'ROOT', '2026-11-20T09:00:00.000Z'),
    stored('a-chain-intermediate', 'INTERMEDIATE', '2026-11-10T09:00:00.000Z'),
    stored('b-first-root', 'ROOT', '2026-11-01T09:00:00.000Z'),
    stored('z-chain-root', 'ROOT', '2026-11-10T09:00:00.000Z'),
  ];
  const world = await inMemoryCertificateDeps({ now: NOW, partners: [], trustStore });
  const page = await listTrustCertificates(world.deps, {});
  assert.deepEqual(
    page.data.map((row) => row.certId),
    ['b-first-root', 'z-chain-root', 'a-chain-intermediate', 'c-late-root'],
  );
  const newestFirst = await listTrustCertificates(world.deps, { sortFieldName: 'uploadedDateTime', sortType: 'desc' });
  assert.equal(newestFirst.data[0]?.certId, 'c-late-root');
});

test("expiryPeriod is keymanager's DATE(notAfter) from today to the day expiryPeriod days ahead, both days whole", async () => {
  const expiring = (certId: string, notAfter: string) => ({ ...stored(certId, 'ROOT', '2026-01-01T00:00:00.000Z'), notAfter });
  const trustStore = [
    expiring('expired-yesterday', '2026-11-22T23:59:59.000Z'),
    expiring('expired-this-morning', '2026-11-23T03:00:00.000Z'),
    expiring('late-on-day-30', '2026-12-23T23:00:00.000Z'),
    expiring('day-31', '2026-12-24T00:30:00.000Z'),
  ];
  const world = await inMemoryCertificateDeps({ now: NOW, partners: [], trustStore });
  const page = await listTrustCertificates(world.deps, { expiryPeriod: '30' });
  assert.deepEqual(page.data.map((row) => [row.certId, row.status]).sort(), [
    ['expired-this-morning', false],
    ['late-on-day-30', true],
  ]);
});
