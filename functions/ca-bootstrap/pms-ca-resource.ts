import { createHash } from 'node:crypto';
import type { CdkCustomResourceEvent, CdkCustomResourceResponse } from 'aws-lambda';
import { ensurePmsCa, type PmsCaDeps } from '../domain/certificates/pms-ca.js';

/** A deployment has one PMS CA: the id never changes, so an update never makes CloudFormation replace it. */
export const PMS_CA_RESOURCE_ID = 'PMS_CA';

/** What the stack can read with Fn::GetAtt: SHA-256 of each certificate's DER, lower-case hex. */
export interface PmsCaResourceData {
  RootCertificateSha256: string;
  IssuingCertificateSha256: string;
}

/**
 * The PMS CA custom resource. Create and Update make sure the hierarchy exists and matches the keys (a replaced key
 * fails the deploy with the rotation hint). Delete leaves everything: the keys and the table are retained, and the
 * certificates they hold stay valid. Delete answers with the id it was given, since the Provider framework refuses
 * any other (after a failed Create that is not PMS_CA_RESOURCE_ID).
 */
export async function onPmsCaResourceEvent(
  event: CdkCustomResourceEvent,
  deps: () => Promise<PmsCaDeps>,
): Promise<CdkCustomResourceResponse<PmsCaResourceData>> {
  if (event.RequestType === 'Delete') return { PhysicalResourceId: event.PhysicalResourceId };
  const ca = await ensurePmsCa(await deps());
  return {
    PhysicalResourceId: PMS_CA_RESOURCE_ID,
    Data: { RootCertificateSha256: sha256Hex(ca.root), IssuingCertificateSha256: sha256Hex(ca.issuing) },
  };
}

function sha256Hex(der: Uint8Array): string {
  return createHash('sha256').update(der).digest('hex');
}
