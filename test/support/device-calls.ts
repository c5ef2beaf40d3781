import { forgeTrustChain } from './certificate-forge.js';
import type { LocalStack } from './local-stack.js';
import { activateAsAdmin, expectOk, v1, v2 } from './pms-calls.js';

const PM = '/v1/partnermanager';
const DAY_MS = 86_400_000;

/** The API ids of the revamp device writes. */
export const DEVICE_API_IDS = {
  addDevice: 'mosip.pms.add.device.to.sbi.id.post',
  approveDevice: 'mosip.pms.approval.mapping.device.to.sbi.post',
  deactivateSbi: 'mosip.pms.deactivate.sbi.patch',
  deactivateDevice: 'mosip.pms.deactivate.device.patch',
} as const;

/** An instant `offset` days from now. */
export const daysFromNow = (offset: number) => new Date(Date.now() + offset * DAY_MS).toISOString();

/** A `POST /securebiometricinterface` body: created yesterday, expiring in a year, unless overridden. */
export function sbiCreateBody(providerId: string, swVersion: string, overrides: Record<string, unknown> = {}) {
  return v1({ swBinaryHash: `hash-${swVersion}`, swVersion, swCreateDateTime: daysFromNow(-1), swExpiryDateTime: daysFromNow(365), providerId, ...overrides });
}

/** A `POST /securebiometricinterface/{sbiId}/devices` body: a Finger/Slap device of `make` and `model`. */
export function addDeviceBody(providerId: string, make: string, model: string, overrides: Record<string, unknown> = {}) {
  return v2(DEVICE_API_IDS.addDevice, {
    id: null,
    deviceProviderId: providerId,
    deviceTypeCode: 'Finger',
    deviceSubTypeCode: 'Slap',
    make,
    model,
    ...overrides,
  });
}

/** A device provider that registered itself, uploaded its DEVICE certificate and was activated by a partner admin; its token. */
export async function activeDeviceProvider(stack: LocalStack, adminToken: string, user: string): Promise<string> {
  const token = await stack.token(user, ['DEVICE_PROVIDER']);
  await expectOk(
    stack,
    'POST',
    `${PM}/partners`,
    token,
    v1({
      partnerId: user,
      organizationName: `${user} Devices`,
      address: 'Pune',
      contactNumber: '+919800000000',
      emailId: `${user}@example.org`,
      partnerType: 'Device_Provider',
    }),
  );
  const chain = forgeTrustChain({ organization: `${user} Devices` });
  for (const ca of [chain.root, chain.intermediate]) {
    await expectOk(stack, 'POST', `${PM}/partners/certificate/ca/upload`, adminToken, v1({ certificateData: ca.pem, partnerDomain: 'DEVICE' }));
  }
  await expectOk(stack, 'POST', `${PM}/partners/certificate/upload`, token, v1({ partnerId: user, certificateData: chain.leaf.pem, partnerDomain: 'DEVICE' }));
  await activateAsAdmin(stack, adminToken, user);
  return token;
}
