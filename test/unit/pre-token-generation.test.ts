import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { handler, portalClaims } from '../../functions/identity/pre-token-generation.js';

/** A V2_0 event as Cognito sends it on a managed-login sign-in (its response starts as null). */
function signInEvent(userName: string, userAttributes: Record<string, string>): PreTokenGenerationV2TriggerEvent {
  return {
    version: '2',
    triggerSource: 'TokenGeneration_HostedAuth',
    region: 'eu-central-1',
    userPoolId: 'eu-central-1_AbCdEf123',
    userName,
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: '5pemaq9ilbtl4ld1bk5ktoc1ga' },
    request: {
      userAttributes: { sub: '9c7a1f3e-51b1-70e4-8a3b-2f6d0e4c1a77', 'cognito:user_status': 'CONFIRMED', ...userAttributes },
      groupConfiguration: { groupsToOverride: ['AUTH_PARTNER'], iamRolesToOverride: [], preferredRole: undefined },
      scopes: ['openid', 'email', 'profile'],
    },
    response: { claimsAndScopeOverrideDetails: null as never },
  };
}

const PARTNER_ATTRIBUTES = {
  email: 'heidi@heidibank.example',
  email_verified: 'true',
  given_name: 'Heidi',
  family_name: 'Meier',
  phone_number: '+41791234567',
  'custom:organizationName': 'Heidi Bank',
  'custom:addressTest': 'Bahnhofstrasse 1, 8001 Zürich',
  'custom:partnerType': 'Authentication_Partner',
  'custom:langCode': 'fra',
};

test("a partner's sign-in: both tokens get the claims MOSIP's portal reads, under MOSIP's names", async () => {
  const answer = await handler(signInEvent('heidi', PARTNER_ATTRIBUTES));
  const expected = {
    preferred_username: 'heidi',
    email: 'heidi@heidibank.example',
    given_name: 'Heidi',
    family_name: 'Meier',
    phoneNumber: '+41791234567',
    organizationName: 'Heidi Bank',
    addressTest: 'Bahnhofstrasse 1, 8001 Zürich',
    partnerType: 'Authentication_Partner',
    langCode: 'fra',
    locale: 'fra',
  };
  assert.deepEqual(answer.response.claimsAndScopeOverrideDetails, {
    idTokenGeneration: { claimsToAddOrOverride: expected },
    accessTokenGeneration: { claimsToAddOrOverride: expected },
  });
  // Cognito reads the response from the event it gets back; nothing else of the request is changed.
  assert.equal(answer.userName, 'heidi');
  assert.deepEqual(answer.request.groupConfiguration.groupsToOverride, ['AUTH_PARTNER']);
  assert.equal('scopesToAdd' in answer.response.claimsAndScopeOverrideDetails.accessTokenGeneration!, false);
});

test('a user with only the sign-up attributes gets preferred_username and the verified e-mail, and no empty claims', () => {
  assert.deepEqual(portalClaims('newuser', { sub: 'x', email: 'new@example.org', email_verified: 'true', given_name: '' }), {
    preferred_username: 'newuser',
    email: 'new@example.org',
  });
});

test('an e-mail not (yet) verified never becomes a claim: the token verifier takes a token e-mail as the caller’s', () => {
  for (const verified of ['false', undefined]) {
    const attributes: Record<string, string> = { email: 'someone-else@example.org', ...(verified ? { email_verified: verified } : {}) };
    assert.equal(portalClaims('mallory', attributes).email, undefined, String(verified));
  }
});

test("locale is the user's own Cognito locale when set, else the MOSIP language code", () => {
  assert.equal(portalClaims('u', { locale: 'ar', 'custom:langCode': 'ara' }).locale, 'ar');
  assert.equal(portalClaims('u', { 'custom:langCode': 'ara' }).locale, 'ara');
  assert.equal(portalClaims('u', {}).locale, undefined);
});

test('attributes outside the mapping (sub, status, other custom attributes) are not copied into tokens', () => {
  const claims = portalClaims('u', { sub: 's', 'cognito:user_status': 'CONFIRMED', 'custom:internalNote': 'x', address: 'Somewhere' });
  assert.deepEqual(claims, { preferred_username: 'u' });
});
