import { KMSClient } from '@aws-sdk/client-kms';
import { loadOnce } from '../../domain/load-once.js';
import type { PersonalDataProtector } from '../../domain/personal-data/personal-data.js';
import { PERSONAL_DATA_KEY_ENV } from '../../routes/personal-data-access.js';
import { envelopeProtector } from './envelope-protector.js';
import type { KeyService } from './key-service.js';
import { kmsKeyService } from './kms-key-service.js';
import { loadOrCreateLocalMasterKeys, localKeyService, locallyChecked } from './local-key-service.js';

type KmsClientSource = () => Pick<KMSClient, 'send'>;

let sharedKmsClient: KMSClient | undefined;
const containerKmsClient: KmsClientSource = () => (sharedKmsClient ??= new KMSClient({}));

/**
 * On AWS the key ids CDK put in the environment (only those the function's row declares) select KMS; otherwise
 * PMS_DATA_DIR selects the local key file. Never both: a function with KMS ids never falls back to a local key.
 */
export function personalDataProtector(env: NodeJS.ProcessEnv = process.env, kmsClient: KmsClientSource = containerKmsClient): PersonalDataProtector {
  const keyIds = { data: env[PERSONAL_DATA_KEY_ENV.data] || undefined, mac: env[PERSONAL_DATA_KEY_ENV.mac] || undefined };
  if (keyIds.data || keyIds.mac) return envelopeProtector(kmsKeyService(kmsClient(), keyIds));
  const dataDir = env.PMS_DATA_DIR || undefined;
  if (dataDir) return locallyChecked(envelopeProtector(lazyKeyService(() => loadOrCreateLocalMasterKeys(dataDir).then(localKeyService))));
  return envelopeProtector(
    lazyKeyService(async () => {
      throw new Error(
        `no personal-data key configured: set ${PERSONAL_DATA_KEY_ENV.data} / ${PERSONAL_DATA_KEY_ENV.mac} (KMS) on AWS, or PMS_DATA_DIR (local key file)`,
      );
    }),
  );
}

/** The key file is read on the first use, not when the function loads. */
function lazyKeyService(load: () => Promise<KeyService>): KeyService {
  const service = loadOnce(load);
  return {
    generateDataKey: async () => (await service()).generateDataKey(),
    decryptDataKey: async (encrypted) => (await service()).decryptDataKey(encrypted),
    mac: async (message) => (await service()).mac(message),
  };
}
