import { join } from 'node:path';
import type { TableContext } from '../functions/adapters/dynamodb/client.js';
import { dynamoPmsCaStore } from '../functions/adapters/dynamodb/pms-ca-store.js';
import { pmsSigners } from '../functions/adapters/signing/signers-from-env.js';
import { ensurePmsCa, type PmsCa, PmsCaKeyMismatchError } from '../functions/domain/certificates/pms-ca.js';
import { systemClock } from '../functions/domain/ports.js';
import { LocalStackError } from './config.js';

/**
 * The local PMS CA, made at start as the deploy's custom resource makes it on AWS, so the first certificate upload
 * does not have to. Signed with the keys the functions will find: the same environment (handlerEnvironment, so
 * `<PMS_DATA_DIR>/signing`) gives the same signers.
 */
export async function ensureLocalPmsCa(table: TableContext, env: NodeJS.ProcessEnv = process.env): Promise<PmsCa> {
  const signers = pmsSigners(env);
  try {
    return await ensurePmsCa({ store: dynamoPmsCaStore(table), rootSigner: await signers.root(), issuingSigner: await signers.issuing(), clock: systemClock });
  } catch (error) {
    if (!(error instanceof PmsCaKeyMismatchError)) throw error;
    const dataDir = env.PMS_DATA_DIR ?? 'the data directory';
    throw new LocalStackError(
      `the table's PMS CA was made with other keys than ${join(dataDir, 'signing')} holds. Restore those key files, or delete ${dataDir} to start from nothing.`,
    );
  }
}
