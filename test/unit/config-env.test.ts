import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { daysFromEnv, wholeNumberFromEnv } from '../../functions/config/env.js';

const NAME = 'PMS_TEST_SETTING';
afterEach(() => {
  delete process.env[NAME];
});

test('daysFromEnv keeps refusing 0 (a validity of no days), and anything beyond its maximum', () => {
  assert.equal(daysFromEnv(NAME, 36500), 36500);
  process.env[NAME] = '30';
  assert.equal(daysFromEnv(NAME, 36500), 30);
  process.env[NAME] = '0';
  assert.throws(() => daysFromEnv(NAME, 36500), /^Error: PMS_TEST_SETTING must be a whole number of days from 1 to 9007199254740991, not 0$/);
  process.env[NAME] = '1000000';
  assert.throws(() => daysFromEnv(NAME, 999999, 999999), /from 1 to 999999, not 1000000$/);
});

test('wholeNumberFromEnv takes the range it is given, 0 included, and reads the environment it is handed', () => {
  const range = { min: 0, max: 10, unit: 'months' };
  assert.equal(wholeNumberFromEnv(NAME, 7, range, { [NAME]: '0' }), 0);
  assert.equal(wholeNumberFromEnv(NAME, 7, range, {}), 7);
  process.env[NAME] = '3';
  assert.equal(wholeNumberFromEnv(NAME, 7, range), 3);
  for (const text of ['-1', '2.5', '11', 'NaN', 'ten']) {
    assert.throws(
      () => wholeNumberFromEnv(NAME, 7, range, { [NAME]: text }),
      new RegExp(`^Error: ${NAME} must be a whole number of months from 0 to 10, not ${text}$`),
    );
  }
});
