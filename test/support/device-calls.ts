import { forgeTrustChain } from '../../local/certificate-forge.js';
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

const PROVIDER_KINDS = {
  device: { role: 'DEVICE_PROVIDER', partnerType: 'Device_Provider', domain: 'DEVICE', organisation: 'Devices' },
  ftm: { role: 'FTM_PROVIDER', partnerType: 'FTM_Provider', domain: 'FTM', organisation: 'Chips' },
} as const;

/**
 * A device or FTM provider that registered itself (organisation "<user> Devices" or "<user> Chips"), whose CA chain a
 * partner admin uploaded to its domain, that uploaded its certificate and was activated by the admin; its token and chain.
 */
export async function activeProvider(stack: LocalStack, adminToken: string, user: string, kind: keyof typeof PROVIDER_KINDS) {
  const { role, partnerType, domain, organisation } = PROVIDER_KINDS[kind];
  const token = await stack.token(user, [role]);
  const organizationName = `${user} ${organisation}`;
  await expectOk(
    stack,
    'POST',
    `${PM}/partners`,
    token,
    v1({ partnerId: user, organizationName, address: 'Pune', contactNumber: '+919800000000', emailId: `${user}@example.org`, partnerType }),
  );
  const chain = forgeTrustChain({ organization: organizationName });
  for (const ca of [chain.root, chain.intermediate]) {
    await expectOk(stack, 'POST', `${PM}/partners/certificate/ca/upload`, adminToken, v1({ certificateData: ca.pem, partnerDomain: domain }));
  }
  await expectOk(stack, 'POST', `${PM}/partners/certificate/upload`, token, v1({ partnerId: user, certificateData: chain.leaf.pem, partnerDomain: domain }));
  await activateAsAdmin(stack, adminToken, user);
  return { token, chain };
}

/** A device provider made active as activeProvider makes it; its token. */
export async function activeDeviceProvider(stack: LocalStack, adminToken: string, user: string): Promise<string> {
  return (await activeProvider(stack, adminToken, user, 'device')).token;
}
