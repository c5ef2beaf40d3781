import type { CertificateRepository } from '../../domain/certificates/ports.js';
import { type CaCertificate, type PartnerCertificate, partnerCertificateExpiry } from '../../domain/certificates/stored-certificates.js';
import { ConcurrentModificationError, UniqueConstraintError } from '../../errors/pms-error.js';
import type { TableContext } from './client.js';
import { getItem, queryPartition } from './items.js';
import { certificateKeys, expiryCalendarEntry, indexKeys } from './keys.js';
import { outboxPut } from './outbox.js';
import { partnerItem } from './partner-repository.js';
import { auditPut, putIfUnchanged, type TransactItem, TransactionRefused, transactWrite } from './transactions.js';

function caCertificateItem(cert: CaCertificate): Record<string, unknown> {
  const uploadOrder = `${cert.uploadTime}#${cert.certId}`;
  return {
    ...certificateKeys.caCertificate(cert.certId),
    entity: 'CaCertificate',
    gsi1pk: certificateKeys.caCertificatesOfDomain(cert.partnerDomain),
    gsi1sk: uploadOrder,
    gsi2pk: certificateKeys.allCaCertificates,
    gsi2sk: uploadOrder,
    ...expiryCalendarEntry(cert.notAfter, 'caCertificate', cert.certId),
    ...cert,
  };
}

function partnerCertificateItem(cert: PartnerCertificate): Record<string, unknown> {
  return {
    ...certificateKeys.partnerCertificate(cert.partnerId, cert.certId),
    entity: 'PartnerCertificate',
    ...expiryCalendarEntry(partnerCertificateExpiry(cert), 'partnerCertificate', cert.certId),
    ...cert,
  };
}

/**
 * CA certificates: one item each, a thumbprint guard per domain, listed per domain (gsi1), all together (gsi2)
 * and in the expiry calendar (gsi3). Partner certificates live under their partner; only the current one stays in
 * the expiry calendar.
 */
export function dynamoCertificateRepository(table: TableContext): CertificateRepository {
  return {
    // Every read here is of a whole partition (or range): path validation needs the whole trust store (a missing
    // issuer would refuse a valid chain), and the list filters, sorts and pages in memory.
    caCertificatesOfDomain: (domain) => queryPartition<CaCertificate>(table, 'gsi1', certificateKeys.caCertificatesOfDomain(domain)),

    allCaCertificates: () => queryPartition<CaCertificate>(table, 'gsi2', certificateKeys.allCaCertificates, { ascending: false }),

    // `until` + '~' sorts after every `<instant>#<id>` that starts with `until`.
    caCertificatesExpiringBetween: (from, until) =>
      queryPartition<CaCertificate>(table, 'gsi3', indexKeys.expiryCalendar('caCertificate'), { sortKeyBetween: [from, `${until}~`] }),

    getCaCertificate: (certId) => getItem<CaCertificate>(table, certificateKeys.caCertificate(certId)),

    async storeCaCertificates(certificates, audits) {
      const items: TransactItem[] = certificates.flatMap((cert): TransactItem[] => [
        { Put: { TableName: table.tableName, Item: caCertificateItem(cert), ConditionExpression: 'attribute_not_exists(pk)' } },
        {
          Put: {
            TableName: table.tableName,
            Item: { ...certificateKeys.caThumbprint(cert.partnerDomain, cert.thumbprintSha1), entity: 'CaCertificateThumbprint', certId: cert.certId },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      ]);
      try {
        await transactWrite(table, [...items, ...audits.map((audit) => auditPut(table, audit))]);
      } catch (error) {
        if (error instanceof TransactionRefused) throw new UniqueConstraintError('thumbprint');
        throw error;
      }
    },

    getPartnerCertificate: (partnerId, certId) => getItem<PartnerCertificate>(table, certificateKeys.partnerCertificate(partnerId, certId)),

    async storePartnerCertificate(certificate, next, previous, audit, events) {
      const previousCertId = previous.certificate?.certificateId;
      const items: TransactItem[] = [
        putIfUnchanged(table, partnerItem({ ...next, revision: previous.revision + 1 }), previous.revision),
        { Put: { TableName: table.tableName, Item: partnerCertificateItem(certificate), ConditionExpression: 'attribute_not_exists(pk)' } },
        auditPut(table, audit),
        ...events.map((event) => outboxPut(table, event)),
      ];
      if (previousCertId) {
        items.push({
          Update: {
            TableName: table.tableName,
            Key: certificateKeys.partnerCertificate(previous.id, previousCertId),
            UpdateExpression: 'REMOVE gsi3pk, gsi3sk',
          },
        });
      }
      try {
        await transactWrite(table, items);
      } catch (error) {
        if (error instanceof TransactionRefused) throw new ConcurrentModificationError(`partner ${previous.id}`);
        throw error;
      }
    },
  };
}
