import { emailLookupMessage, envelopeProtector, sealWithDataKey } from '../../functions/adapters/personal-data/envelope-protector.js';
import type { KeyService } from '../../functions/adapters/personal-data/key-service.js';
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

/** A key service that counts its calls, as KMS would bill them: each is one round trip on AWS. */
export function countingKeyService(service: KeyService = localKeyService(newLocalMasterKeys())) {
  const calls = { generateDataKey: 0, decryptDataKey: 0, mac: 0 };
  const keys: KeyService = {
    generateDataKey() {
      calls.generateDataKey++;
      return service.generateDataKey();
    },
    decryptDataKey(encrypted) {
      calls.decryptDataKey++;
      return service.decryptDataKey(encrypted);
    },
    mac(message) {
      calls.mac++;
      return service.mac(message);
    },
  };
  return { keys, calls, total: () => calls.generateDataKey + calls.decryptDataKey + calls.mac };
}
