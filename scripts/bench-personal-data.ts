/**
 * The personal-data part of `npm run bench`: what per-field encryption adds to the partner read and write paths, in
 * process, on the real envelope encryption over the local key service. On AWS each key-service call is one KMS round
 * trip; the calls column says how many a request makes, the ms column what the rest costs. A report, never a test.
 */
import { envelopeProtector } from '../functions/adapters/personal-data/envelope-protector.js';
import { localKeyService, newLocalMasterKeys } from '../functions/adapters/personal-data/local-key-service.js';
import { type ContactDetails, revealed, type SealedContactDetails, sealContactDetails } from '../functions/domain/personal-data/personal-data.js';
import { countingKeyService } from '../test/support/personal-data.js';

const PARTNERS = 1000;
/** Partners registered by this many containers, each with its own data key, as after months of traffic. */
const WRITING_CONTAINERS = 20;
const ADMIN_PAGE = 100;

const details = (i: number): ContactDetails => ({
  emailId: `partner-${i}@bank-${i % 97}.example`,
  contactNumber: `+2547${String(i).padStart(8, '0')}`,
  address: `${i} Kenyatta Avenue, Nairobi`,
});

async function measured(name: string, keys: { total(): number }, work: () => Promise<unknown>): Promise<[string, string, string]> {
  const callsBefore = keys.total();
  const start = performance.now();
  await work();
  return [name, (performance.now() - start).toFixed(2), String(keys.total() - callsBefore)];
}

export async function personalDataBench(): Promise<string[][]> {
  const service = localKeyService(newLocalMasterKeys());
  const stored: SealedContactDetails[] = [];
  for (let container = 0; container < WRITING_CONTAINERS; container++) {
    const writer = envelopeProtector(service);
    for (let i = container; i < PARTNERS; i += WRITING_CONTAINERS) stored.push(await sealContactDetails(writer, details(i)));
  }
  const counted = countingKeyService(service);
  const container = envelopeProtector(counted.keys);
  const rows: string[][] = [];
  rows.push(await measured('register: seal 3 fields (cold container: one data key)', counted, () => sealContactDetails(container, details(0))));
  rows.push(await measured('register: seal 3 fields (warm)', counted, () => sealContactDetails(container, details(1))));
  rows.push(await measured('register / verify e-mail: one lookup hash', counted, () => container.emailLookup('partner-1@bank-1.example')));
  rows.push(await measured('GET /partners/{id}: reveal 3 fields (cold: one Decrypt)', counted, () => revealed(container, stored[0]!)));
  rows.push(await measured('GET /partners/{id}: reveal 3 fields (warm)', counted, () => revealed(container, stored[0]!)));
  const fresh = envelopeProtector(counted.keys);
  rows.push(
    await measured(`GET /admin-partners: reveal a page of ${ADMIN_PAGE} e-mails (cold)`, counted, () =>
      Promise.all(stored.slice(0, ADMIN_PAGE).map((partner) => fresh.reveal(partner.emailId))),
    ),
  );
  const another = envelopeProtector(counted.keys);
  rows.push(
    await measured(`GET /partners: reveal all ${PARTNERS} partners, 3 fields each (cold)`, counted, () =>
      Promise.all(stored.map((partner) => revealed(another, partner))),
    ),
  );
  rows.push(
    await measured(`GET /partners: reveal all ${PARTNERS} partners (warm)`, counted, () => Promise.all(stored.map((partner) => revealed(another, partner)))),
  );
  return rows;
}
