import { DecryptCommand, GenerateDataKeyCommand, GenerateMacCommand, type KMSClient } from '@aws-sdk/client-kms';
import { PERSONAL_DATA_ENCRYPTION_CONTEXT, PERSONAL_DATA_MAC_ALGORITHM } from '../../routes/personal-data-access.js';
import type { KeyService } from './key-service.js';

/**
 * The personal-data keys in KMS. Each call names its key: a function may hold only the data key (sealing or
 * revealing) or only the MAC key (looking up), so a missing id fails the call rather than the container.
 */
export function kmsKeyService(client: Pick<KMSClient, 'send'>, keyIds: { data?: string | undefined; mac?: string | undefined }): KeyService {
  const keyId = (kind: 'data' | 'mac') => {
    const id = keyIds[kind];
    if (!id) throw new Error(`this function may not use the personal-data ${kind} key: its route row does not declare it`);
    return id;
  };
  return {
    async generateDataKey() {
      const answer = await client.send(
        new GenerateDataKeyCommand({ KeyId: keyId('data'), KeySpec: 'AES_256', EncryptionContext: { ...PERSONAL_DATA_ENCRYPTION_CONTEXT } }),
      );
      if (!answer.Plaintext || !answer.CiphertextBlob) throw new Error('KMS returned no data key');
      return { plaintext: answer.Plaintext, encrypted: answer.CiphertextBlob };
    },
    async decryptDataKey(encrypted) {
      // KeyId pins the key: a blob made under another key is refused instead of decrypted with it.
      const answer = await client.send(
        new DecryptCommand({ KeyId: keyId('data'), CiphertextBlob: encrypted, EncryptionContext: { ...PERSONAL_DATA_ENCRYPTION_CONTEXT } }),
      );
      if (!answer.Plaintext) throw new Error('KMS returned no plaintext data key');
      return answer.Plaintext;
    },
    async mac(message) {
      const answer = await client.send(new GenerateMacCommand({ KeyId: keyId('mac'), MacAlgorithm: PERSONAL_DATA_MAC_ALGORITHM, Message: message }));
      if (!answer.Mac) throw new Error('KMS returned no MAC');
      return answer.Mac;
    },
  };
}
