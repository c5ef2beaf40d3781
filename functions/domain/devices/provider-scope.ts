import type { Caller } from '../caller.js';
import { ownedPartners } from '../partners/ownership.js';
import type { Partner } from '../partners/partner.js';
import { readAll } from '../read-all.js';
import { compareText } from '../search/v2-lists.js';
import { DERIVED_STATUSES, type DerivedStatus } from './approval.js';
import type { DeviceDetail } from './device.js';
import type { DeviceDeps } from './ports.js';
import type { Sbi } from './sbi.js';

/**
 * Whose SBIs, devices and links a caller sees and changes: a partner admin every provider's, anyone else only those
 * of their own partners. On MOSIP's legacy endpoints, which check no ownership, another provider's object is
 * answered here exactly as a missing one, with the operation's own not-found code.
 */
export interface ProviderScope {
  /** The caller's own partners; undefined for a partner admin, who acts on every provider. */
  own: readonly Partner[] | undefined;
  includes(providerId: string): boolean;
}

/** A partner admin's scope. */
export const EVERY_PROVIDER: ProviderScope = { own: undefined, includes: () => true };

/** The scope of a caller whose own partners are `own` (ignored for a partner admin). */
export function scopeOf(caller: Caller, own: readonly Partner[]): ProviderScope {
  if (caller.isAdmin) return EVERY_PROVIDER;
  const ids = new Set(own.map((partner) => partner.id));
  return { own, includes: (providerId) => ids.has(providerId) };
}

export async function providerScope(deps: Pick<DeviceDeps, 'partners'>, caller: Caller): Promise<ProviderScope> {
  return caller.isAdmin ? EVERY_PROVIDER : scopeOf(caller, await ownedPartners(deps.partners, caller));
}

/** The derived statuses an admin read covers: the one asked for (a list's exact status filter), or all four. */
function statusesOf(status: string | undefined): DerivedStatus[] {
  return DERIVED_STATUSES.filter((candidate) => !status || candidate === status);
}

/** The item when its provider is in the scope; otherwise nothing, as if it did not exist. */
export function inScope<T>(scope: ProviderScope, item: T | undefined, providerOf: (item: T) => string): T | undefined {
  return item !== undefined && scope.includes(providerOf(item)) ? item : undefined;
}

/** Oldest first, ties by id. */
export const oldestFirst = <T extends { crDtimes: string; id: string }>(items: T[]): T[] =>
  items.sort((a, b) => compareText(a.crDtimes, b.crDtimes) || compareText(a.id, b.id));

/**
 * Every SBI in the scope, oldest first: an admin's from the status index (only `status`'s partition when one is
 * asked for; the caller still filters), a provider's from its own partitions.
 */
export async function sbisInScope(deps: Pick<DeviceDeps, 'devices'>, scope: ProviderScope, status?: string): Promise<Sbi[]> {
  const reads = scope.own
    ? scope.own.map((partner) => deps.devices.sbisOfProvider(partner.id))
    : statusesOf(status).map((candidate) => deps.devices.sbisInStatus(candidate));
  return oldestFirst((await Promise.all(reads)).flat());
}

/** Every device in the scope, oldest first, read as `sbisInScope` reads SBIs. */
export async function devicesInScope(deps: Pick<DeviceDeps, 'devices'>, scope: ProviderScope, status?: string): Promise<DeviceDetail[]> {
  const reads = scope.own
    ? scope.own.map((partner) => deps.devices.devicesOfProvider(partner.id))
    : statusesOf(status).map((candidate) => deps.devices.devicesInStatus(candidate));
  return oldestFirst((await Promise.all(reads)).flat());
}

/**
 * The organisation name of each provider (MOSIP copies it onto SBIs, devices and links; we join it): a provider's
 * own partners are at hand, an admin's are read once each.
 */
export async function organisationNames(
  deps: Pick<DeviceDeps, 'partners'>,
  scope: ProviderScope,
  providerIds: readonly string[],
): Promise<Map<string, string | null>> {
  const partners = scope.own ? new Map(scope.own.map((partner) => [partner.id, partner])) : await readAll(providerIds, (id) => deps.partners.getPartner(id));
  return new Map(providerIds.map((id) => [id, partners.get(id)?.organizationName ?? null]));
}
