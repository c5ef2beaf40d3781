import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Caller } from '../../functions/domain/caller.js';
import { verifyEmail } from '../../functions/domain/partners/commands.js';
import type { PartnerDeps } from '../../functions/domain/partners/ports.js';
import { partnerFixture } from '../support/domain-objects.js';
import { emailLookupOf, sealed, testPersonalData } from '../support/personal-data.js';

/*
 * `PUT /partners/email/verify` must not tell any signed-in user who is a partner (issue #13, finding 10). The
 * portal asks only about the signed-in user's own address.
 */

const REGISTERED = ['ceo@heidi-bank.example', 'ops@bank-one.example'];
const BANK_ONE = partnerFixture({
  id: 'bank-1',
  userId: 'bank-user',
  emailId: sealed('ops@bank-one.example'),
  emailLookup: emailLookupOf('ops@bank-one.example'),
});

function deps(lookups: string[]): PartnerDeps {
  const unexpected = () => assert.fail('not used');
  return {
    partners: {
      emailRegistered: async (emailLookup) => {
        lookups.push(emailLookup);
        return REGISTERED.map(emailLookupOf).includes(emailLookup);
      },
      partnersOfUser: async (userId) => (userId === BANK_ONE.userId ? [BANK_ONE] : []),
      getPartner: unexpected,
      register: unexpected,
      save: unexpected,
      getContact: unexpected,
      saveContact: unexpected,
      listPartners: unexpected,
    },
    groups: { getGroup: unexpected, getGroupByName: unexpected },
    personalData: testPersonalData,
    clock: { now: () => new Date() },
    ids: { newId: () => 'id' },
  };
}

async function answer(caller: Caller, emailId: string) {
  const lookups: string[] = [];
  const { emailExists } = await verifyEmail(deps(lookups), caller, emailId);
  return { emailExists, lookedUp: lookups.length > 0 };
}

test("a user without any partner, no role, probing another's address: not registered, and nothing is looked up", async () => {
  const stranger = { userId: 'stranger', isAdmin: false, email: 'me@stranger.example' };
  assert.deepEqual(await answer(stranger, 'ceo@heidi-bank.example'), { emailExists: false, lookedUp: false });
  assert.deepEqual(await answer({ userId: 'no-email', isAdmin: false }, 'ceo@heidi-bank.example'), { emailExists: false, lookedUp: false });
});

test('the signed-in user asking about their own address (as the portal does) gets the truth, whatever the case', async () => {
  const heidi = { userId: 'heidi', isAdmin: false, email: 'CEO@Heidi-Bank.example' };
  assert.deepEqual(await answer(heidi, 'ceo@heidi-bank.example'), { emailExists: true, lookedUp: true });
  const newcomer = { userId: 'new', isAdmin: false, email: 'new@bank.example' };
  assert.deepEqual(await answer(newcomer, ' new@bank.example '), { emailExists: false, lookedUp: true });
});

test("a partner's owner asking about its partner's address, and a partner admin asking about any, get the truth", async () => {
  assert.deepEqual(await answer({ userId: 'bank-user', isAdmin: false }, 'OPS@bank-one.example'), { emailExists: true, lookedUp: true });
  assert.deepEqual(await answer({ userId: 'bank-user', isAdmin: false }, 'ceo@heidi-bank.example'), { emailExists: false, lookedUp: false });
  assert.deepEqual(await answer({ userId: 'admin', isAdmin: true }, 'ceo@heidi-bank.example'), { emailExists: true, lookedUp: true });
});

test('a malformed address is still refused first, as MOSIP does', async () => {
  await assert.rejects(verifyEmail(deps([]), { userId: 'admin', isAdmin: true }, 'not-an-address'));
});
