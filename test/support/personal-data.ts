import { emailLookupMessage, envelopeProtector, sealWithDataKey } from '../../functions/adapters/personal-data/envelope-protector.js';
import { localKeyService, localMac, newLocalMasterKeys } from '../../functions/adapters/personal-data/local-key-service.js';
import type { SealedText } from '../../functions/domain/personal-data/personal-data.js';

/**
 * The real envelope encryption over a throw-away local key, for tests over in-memory ports: `sealed` and
 * `emailLookupOf` build stored values synchronously (fixtures); `testPersonalData` reveals them and makes lookups.
 */
const master = newLocalMasterKeys();
const keyService = localKeyService(master);
const fixtureDataKey = await keyService.generateDataKey();

export const testPersonalData = envelopeProtector(keyService);

export function sealed(text: string): SealedText {
  return sealWithDataKey(fixtureDataKey, text);
}

export function emailLookupOf(email: string): string {
  return localMac(master, emailLookupMessage(email)).toString('base64url');
}
