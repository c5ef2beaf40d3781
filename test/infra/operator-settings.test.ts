/* The operator settings given as CDK context reach exactly the functions that apply them (docs/deploy.md). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { App } from 'aws-cdk-lib';
import { API_KEYS_PER_POLICY_MAX_ENV } from '../../functions/adapters/api-key-settings.js';
import { MINIMUM_VALIDITY_ENV, SELF_REGISTERED_ACTIVATION_ENV } from '../../functions/adapters/certificate-upload-settings.js';
import { MISP_LICENSE_VALIDITY_DAYS_ENV } from '../../functions/adapters/misp-license-settings.js';
import { loggingEnvironment, loggingFromContext } from '../../lib/app-config.js';
import { type SynthesizedPms, synthesizePms } from './synth.js';
import { isProviderFramework, operationIdOf, resourcesOfType } from './template-queries.js';

/** Each function's description (`<operationId>: …` for route functions) with the value it has for `name`, if any. */
function functionsWithVariable(pms: SynthesizedPms, name: string): [string, string][] {
  return resourcesOfType(pms, 'AWS::Lambda::Function')
    .map(({ resource }) => [operationIdOf(resource), resource.Properties.Environment?.Variables?.[name]] as const)
    .filter((entry): entry is [string, string] => entry[1] !== undefined);
}

test('context given: each minimum is set on the one upload function that applies it, and on no other', () => {
  // A number as cdk.json gives it, a string as `-c key=value` does.
  const pms = synthesizePms({ context: { caCertMinValidityMonths: 6, partnerCertMinValidityDays: '0' } });
  assert.deepEqual(functionsWithVariable(pms, MINIMUM_VALIDITY_ENV.caMonths), [['uploadCaCertificate', '6']]);
  assert.deepEqual(functionsWithVariable(pms, MINIMUM_VALIDITY_ENV.partnerDays), [['uploadPartnerCertificate', '0']]);
});

test("context not given: no function carries either variable (the functions apply MOSIP's defaults)", () => {
  const pms = synthesizePms();
  const operations = resourcesOfType(pms, 'AWS::Lambda::Function').map(({ resource }) => operationIdOf(resource));
  assert.ok(operations.includes('uploadCaCertificate') && operations.includes('uploadPartnerCertificate'), 'the upload functions are there');
  for (const name of Object.values(MINIMUM_VALIDITY_ENV)) assert.deepEqual(functionsWithVariable(pms, name), [], name);
});

test('a minimum the functions would refuse fails the synth, naming the context key', () => {
  assert.throws(() => synthesizePms({ context: { caCertMinValidityMonths: -1 } }), {
    message: 'context "caCertMinValidityMonths" must be a whole number of months from 0 to 1200, not -1',
  });
  assert.throws(() => synthesizePms({ context: { partnerCertMinValidityDays: '1.5' } }), {
    message: 'context "partnerCertMinValidityDays" must be a whole number of days from 0 to 36525, not 1.5',
  });
  assert.throws(() => synthesizePms({ context: { partnerCertMinValidityDays: true } }), /context "partnerCertMinValidityDays" .* not true$/);
  assert.throws(() => synthesizePms({ context: { partnerCertMinValidityDays: [30] } }), /context "partnerCertMinValidityDays" .* not \[30\]$/);
});

test('selfRegisteredPartnerActivation: set with the partner minimum on the partner upload function only; absent, no function has it; a bad value fails the synth', () => {
  const pms = synthesizePms({ context: { selfRegisteredPartnerActivation: 'on-certificate-upload', partnerCertMinValidityDays: 30 } });
  assert.deepEqual(functionsWithVariable(pms, SELF_REGISTERED_ACTIVATION_ENV), [['uploadPartnerCertificate', 'on-certificate-upload']]);
  assert.deepEqual(functionsWithVariable(pms, MINIMUM_VALIDITY_ENV.partnerDays), [['uploadPartnerCertificate', '30']]);
  assert.deepEqual(functionsWithVariable(synthesizePms(), SELF_REGISTERED_ACTIVATION_ENV), []);
  assert.throws(() => synthesizePms({ context: { selfRegisteredPartnerActivation: 'auto' } }), {
    message: 'context "selfRegisteredPartnerActivation" must be by-partner-admin or on-certificate-upload, not "auto"',
  });
});

test('apiKeysPerPolicyMax: set on the three functions that switch a key on and on no other; absent, on none; a bad value fails the synth', () => {
  const pms = synthesizePms({ context: { apiKeysPerPolicyMax: '10' } });
  assert.deepEqual(functionsWithVariable(pms, API_KEYS_PER_POLICY_MAX_ENV).sort(), [
    ['changeApiKeyStatus', '10'],
    ['generateApiKey', '10'],
    ['repointApiKey', '10'],
  ]);
  assert.deepEqual(functionsWithVariable(synthesizePms(), API_KEYS_PER_POLICY_MAX_ENV), []);
  assert.throws(() => synthesizePms({ context: { apiKeysPerPolicyMax: 0 } }), {
    message: 'context "apiKeysPerPolicyMax" must be a whole number of API keys from 1 to 10000, not 0',
  });
});

test('mispLicenseValidityDays: set on the two functions that make a license and on no other; absent, on none; a bad value fails the synth', () => {
  const pms = synthesizePms({ context: { mispLicenseValidityDays: 730 } });
  assert.deepEqual(functionsWithVariable(pms, MISP_LICENSE_VALIDITY_DAYS_ENV).sort(), [
    ['generateMispLicense', '730'],
    ['regenerateMispLicense', '730'],
  ]);
  assert.deepEqual(functionsWithVariable(synthesizePms(), MISP_LICENSE_VALIDITY_DAYS_ENV), []);
  assert.throws(() => synthesizePms({ context: { mispLicenseValidityDays: '999999' } }), {
    message: 'context "mispLicenseValidityDays" must be a whole number of days from 1 to 3650, not 999999',
  });
  assert.throws(() => synthesizePms({ context: { mispLicenseValidityDays: 0 } }), /context "mispLicenseValidityDays" .* not 0$/);
});

test('logLevel and debugLogSampleRate: set on every function when given (Powertools reads them); absent, on none', () => {
  const pms = synthesizePms({ context: { logLevel: 'debug', debugLogSampleRate: '0.05' } });
  const functions = resourcesOfType(pms, 'AWS::Lambda::Function').filter((fn) => !isProviderFramework(fn));
  assert.ok(functions.length > 100, 'every route function and the others');
  assert.deepEqual(functionsWithVariable(pms, 'POWERTOOLS_LOG_LEVEL').length, functions.length);
  assert.deepEqual(new Set(functionsWithVariable(pms, 'POWERTOOLS_LOG_LEVEL').map(([, value]) => value)), new Set(['DEBUG']));
  assert.deepEqual(new Set(functionsWithVariable(pms, 'POWERTOOLS_LOGGER_SAMPLE_RATE').map(([, value]) => value)), new Set(['0.05']));
  assert.equal(functionsWithVariable(pms, 'POWERTOOLS_LOGGER_SAMPLE_RATE').length, functions.length);
  // A number as cdk.json gives it; one setting without the other.
  const sampled = synthesizePms({ context: { debugLogSampleRate: 1 } });
  assert.deepEqual(new Set(functionsWithVariable(sampled, 'POWERTOOLS_LOGGER_SAMPLE_RATE').map(([, value]) => value)), new Set(['1']));
  assert.deepEqual(functionsWithVariable(sampled, 'POWERTOOLS_LOG_LEVEL'), []);
  const plain = synthesizePms();
  for (const name of ['POWERTOOLS_LOG_LEVEL', 'POWERTOOLS_LOGGER_SAMPLE_RATE']) assert.deepEqual(functionsWithVariable(plain, name), [], name);
});

test('loggingFromContext: the four levels in any case, a rate from 0 to 1; anything else is refused naming the key', () => {
  const node = (context: Record<string, unknown>) => new App({ context }).node;
  assert.deepEqual(loggingFromContext(node({})), {});
  assert.deepEqual(loggingFromContext(node({ logLevel: '', debugLogSampleRate: '' })), {});
  for (const level of ['DEBUG', 'INFO', 'WARN', 'ERROR']) assert.deepEqual(loggingFromContext(node({ logLevel: level.toLowerCase() })), { level });
  for (const [rate, value] of [
    ['0', 0],
    ['1', 1],
    ['0.5', 0.5],
    ['.25', 0.25],
    ['1.0', 1],
    [0.01, 0.01],
  ] as const)
    assert.deepEqual(loggingFromContext(node({ debugLogSampleRate: rate })), { debugSampleRate: value }, String(rate));
  for (const level of ['TRACE', 'SILENT', 'verbose', 3, true])
    assert.throws(() => loggingFromContext(node({ logLevel: level })), {
      message: `context "logLevel" must be DEBUG, INFO, WARN or ERROR, not ${JSON.stringify(level)}`,
    });
  for (const rate of ['1.5', '-0.1', '10%', 'abc', ' ', '1e-2', '0x1', 2, Number.NaN, [0.1]])
    assert.throws(() => loggingFromContext(node({ debugLogSampleRate: rate })), {
      message: `context "debugLogSampleRate" must be a number from 0 to 1, not ${JSON.stringify(rate)}`,
    });
  assert.deepEqual(loggingEnvironment({ level: 'WARN', debugSampleRate: 0 }), { POWERTOOLS_LOG_LEVEL: 'WARN', POWERTOOLS_LOGGER_SAMPLE_RATE: '0' });
});

test('a bad logLevel or debugLogSampleRate fails the synth', () => {
  assert.throws(() => synthesizePms({ context: { logLevel: 'LOUD' } }), { message: 'context "logLevel" must be DEBUG, INFO, WARN or ERROR, not "LOUD"' });
  assert.throws(() => synthesizePms({ context: { debugLogSampleRate: '2' } }), {
    message: 'context "debugLogSampleRate" must be a number from 0 to 1, not "2"',
  });
});
