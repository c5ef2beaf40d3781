import type { CdkCustomResourceHandler } from 'aws-lambda';
import { tableContext } from '../adapters/dynamodb/client.js';
import { dynamoPmsCaStore } from '../adapters/dynamodb/pms-ca-store.js';
import { pmsSigners } from '../adapters/signing/signers-from-env.js';
import { systemClock } from '../domain/ports.js';
import { onPmsCaResourceEvent } from './pms-ca-resource.js';

const signers = pmsSigners();

/** The PMS CA custom resource's onEvent handler (lib/pms-ca-bootstrap.ts): both KMS CA keys, the table. */
export const handler: CdkCustomResourceHandler = (event) =>
  onPmsCaResourceEvent(event, async () => ({
    store: dynamoPmsCaStore(tableContext()),
    rootSigner: await signers.root(),
    issuingSigner: await signers.issuing(),
    clock: systemClock,
  }));
