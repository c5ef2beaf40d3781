import type { MispLicense } from '../../domain/misp-licenses/misp-license.js';
import type { MispLicenseRepository } from '../../domain/misp-licenses/ports.js';
import type { LicensesRetiredWithPartner } from '../../domain/partner-deactivation/retired-licenses.js';
import type { PolicyRequest } from '../../domain/policy-requests/policy-request.js';
import { ConcurrentModificationError, InactivePartnerError } from '../../errors/pms-error.js';
import type { TableContext } from './client.js';
import { getItem, queryPartition } from './items.js';
import { expiryCalendarEntry, keys, mispLicenseKeys, sortKeyPrefixes } from './keys.js';
import { outboxPut } from './outbox.js';
import { auditPut, putIfUnchanged, type TransactItem, TransactionRefused, transactWrite } from './transactions.js';

export function mispLicenseItem(license: MispLicense): Record<string, unknown> {
  return {
    ...mispLicenseKeys.license(license.keyHash),
    entity: 'MispLicense',
    gsi1pk: mispLicenseKeys.licensesOfMisp(license.mispId),
    gsi1sk: `${license.crDtimes}#${license.id}`,
    gsi2pk: mispLicenseKeys.allLicenses,
    gsi2sk: `${license.crDtimes}#${license.id}`,
    ...expiryCalendarEntry(license.validToDatetime, 'mispLicense', license.id),
    ...license,
  };
}

function savePut(table: TableContext, next: MispLicense, previous: MispLicense): TransactItem {
  return putIfUnchanged(table, mispLicenseItem({ ...next, revision: previous.revision + 1 }), previous.revision);
}

function mispActive(table: TableContext, mispId: string): TransactItem {
  return {
    ConditionCheck: {
      TableName: table.tableName,
      Key: keys.partner(mispId),
      ConditionExpression: 'isActive = :true',
      ExpressionAttributeValues: { ':true': true },
    },
  };
}

/** The head still names `latestId` (none: the MISP has no license yet). */
function headNames(latestId: string | null) {
  return latestId === null
    ? { ConditionExpression: 'attribute_not_exists(pk)' }
    : { ConditionExpression: 'latestId = :latest', ExpressionAttributeValues: { ':latest': latestId } };
}

function headCheck(table: TableContext, mispId: string, latestId: string | null): TransactItem {
  return { ConditionCheck: { TableName: table.tableName, Key: mispLicenseKeys.head(mispId), ...headNames(latestId) } };
}

/**
 * The items that switch off a deactivated MISP's licenses inside the partner's transaction: the head check (no
 * license issued since they were read), then each license at its revision with its audit record.
 */
export function retiredLicenseItems(table: TableContext, { mispId, latestId, retirements }: LicensesRetiredWithPartner): TransactItem[] {
  return [headCheck(table, mispId, latestId), ...retirements.flatMap(({ next, previous, audit }) => [savePut(table, next, previous), auditPut(table, audit)])];
}

/**
 * A license is one item by key hash; a head item per MISP names the newest. Issuing checks the head, the
 * partner's active flag and each retired license's revision in the same transaction.
 */
export function dynamoMispLicenseRepository(table: TableContext): MispLicenseRepository {
  return {
    async issue(license, previousLatestId, retired, audit, events) {
      const head = mispLicenseKeys.head(license.mispId);
      const headPut: TransactItem = {
        Put: {
          TableName: table.tableName,
          Item: { ...head, entity: 'MispLicenseHead', mispId: license.mispId, latestId: license.id },
          ...headNames(previousLatestId),
        },
      };
      try {
        await transactWrite(table, [
          headPut,
          mispActive(table, license.mispId),
          { Put: { TableName: table.tableName, Item: mispLicenseItem(license), ConditionExpression: 'attribute_not_exists(pk)' } },
          ...retired.map(({ next, previous }) => savePut(table, next, previous)),
          auditPut(table, audit),
          ...events.map((event) => outboxPut(table, event)),
        ]);
      } catch (error) {
        if (!(error instanceof TransactionRefused)) throw error;
        if (error.failedConditions.includes(1)) throw new InactivePartnerError(license.mispId);
        throw new ConcurrentModificationError(`misp licenses of ${license.mispId}`);
      }
    },

    async save(next, previous, activating, audit, events) {
      const activationChecks = activating ? [mispActive(table, next.mispId), headCheck(table, next.mispId, next.id)] : [];
      try {
        await transactWrite(table, [
          ...activationChecks,
          savePut(table, next, previous),
          auditPut(table, audit),
          ...events.map((event) => outboxPut(table, event)),
        ]);
      } catch (error) {
        if (!(error instanceof TransactionRefused)) throw error;
        if (activating && error.failedConditions.includes(0)) throw new InactivePartnerError(next.mispId);
        throw new ConcurrentModificationError(`misp license ${next.id}`);
      }
    },

    byHash: (keyHash) => getItem<MispLicense>(table, mispLicenseKeys.license(keyHash)),

    async latestId(mispId) {
      return (await getItem<{ latestId: string }>(table, mispLicenseKeys.head(mispId)))?.latestId ?? null;
    },

    licensesOf: (mispId) => queryPartition<MispLicense>(table, 'gsi1', mispLicenseKeys.licensesOfMisp(mispId), { ascending: false }),

    allLicenses: () => queryPartition<MispLicense>(table, 'gsi2', mispLicenseKeys.allLicenses, { ascending: false }),

    policyRequestsOf: (partnerId) =>
      queryPartition<PolicyRequest>(table, 'table', keys.partner(partnerId).pk, { sortKeyPrefix: sortKeyPrefixes.policyRequests }),
  };
}
