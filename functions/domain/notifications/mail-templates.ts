import type { MailLanguage, OutgoingMail } from './mail.js';
import type { NotificationDetails, NotificationType } from './notification.js';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

type Label =
  | 'certificateId'
  | 'issuedTo'
  | 'issuedBy'
  | 'partnerDomain'
  | 'expiry'
  | 'apiKey'
  | 'policy'
  | 'policyGroup'
  | 'license'
  | 'misp'
  | 'partner'
  | 'sbi'
  | 'sbiVersion'
  | 'binaryHash'
  | 'registered'
  | 'ftmChip'
  | 'make'
  | 'model';

interface LanguageText {
  dir: 'ltr' | 'rtl';
  greeting(name: string): string;
  subjects: Record<NotificationType, string>;
  /** When the item expires, from the whole days left: "in 24 day(s)", or "today" at 0. */
  remaining(days: number): string;
  /** The first sentence, with when the item expires. */
  intro: Record<NotificationType, (when: string) => string>;
  labels: Record<Label, string>;
  closing: string;
}

/** MOSIP's template texts (docs/templates/*-{eng,ara,fra}.vm) in substance; English subjects are MOSIP's own. */
const TEXTS: Record<MailLanguage, LanguageText> = {
  eng: {
    dir: 'ltr',
    greeting: (name) => `Dear ${name},`,
    remaining: (days) => (days === 0 ? 'today' : `in ${days} day(s)`),
    subjects: {
      ROOT_CERT_EXPIRY: 'Action Required: Root CA Certificate Expiration',
      INTERMEDIATE_CERT_EXPIRY: 'Action Required: Intermediate CA Certificate Expiration',
      PARTNER_CERT_EXPIRY: 'Action Required: Partner Certificate Expiration',
      API_KEY_EXPIRY: 'Action Required: API Key Expiration',
      MISP_LICENSE_EXPIRY: 'Action Required: MISP License Key Expiration',
      SBI_EXPIRY: 'Action Required: SBI Expiration',
      FTM_CHIP_CERT_EXPIRY: 'Action Required: FTM Chip Certificate Expiration',
      WEEKLY_SUMMARY: 'Weekly Summary: Upcoming Expirations',
    },
    intro: {
      ROOT_CERT_EXPIRY: (when) => `A root CA certificate in the PMS trust store expires ${when}. Upload its replacement before then.`,
      INTERMEDIATE_CERT_EXPIRY: (when) => `An intermediate CA certificate in the PMS trust store expires ${when}. Upload its replacement before then.`,
      PARTNER_CERT_EXPIRY: (when) => `Your partner certificate expires ${when}. Upload a renewed certificate before then to keep your services running.`,
      API_KEY_EXPIRY: (when) => `Your API key expires ${when}. Generate a new key before then to keep authenticating.`,
      MISP_LICENSE_EXPIRY: (when) => `Your MISP license key expires ${when}. Ask your partner admin for a new license before then.`,
      SBI_EXPIRY: (when) =>
        `Your SBI (secure biometric interface) expires ${when}. It is then switched off with its devices: register a renewed SBI version before then.`,
      FTM_CHIP_CERT_EXPIRY: (when) =>
        `The certificate of your FTM (foundational trust module) chip expires ${when}. Upload a renewed certificate for the chip before then.`,
      WEEKLY_SUMMARY: () => 'These items expire within the coming week.',
    },
    labels: {
      certificateId: 'Certificate ID',
      issuedTo: 'Issued to',
      issuedBy: 'Issued by',
      partnerDomain: 'Partner domain',
      expiry: 'Expires on',
      apiKey: 'API key',
      policy: 'Policy',
      policyGroup: 'Policy group',
      license: 'License',
      misp: 'MISP partner',
      partner: 'Partner',
      sbi: 'SBI ID',
      sbiVersion: 'SBI version',
      binaryHash: 'Binary hash',
      registered: 'Registered on',
      ftmChip: 'FTM chip ID',
      make: 'Make',
      model: 'Model',
    },
    closing: 'This message was sent by the MOSIP Partner Management System. Please do not reply.',
  },
  ara: {
    dir: 'rtl',
    greeting: (name) => `عزيزي ${name}،`,
    remaining: (days) => (days === 0 ? 'اليوم' : `خلال ${days} يوم`),
    subjects: {
      ROOT_CERT_EXPIRY: 'إجراء مطلوب: انتهاء صلاحية شهادة المرجع المصدق الجذري',
      INTERMEDIATE_CERT_EXPIRY: 'إجراء مطلوب: انتهاء صلاحية شهادة المرجع المصدق الوسيط',
      PARTNER_CERT_EXPIRY: 'إجراء مطلوب: انتهاء صلاحية شهادة الشريك',
      API_KEY_EXPIRY: 'إجراء مطلوب: انتهاء صلاحية مفتاح واجهة البرمجة',
      MISP_LICENSE_EXPIRY: 'إجراء مطلوب: انتهاء صلاحية مفتاح ترخيص MISP',
      SBI_EXPIRY: 'إجراء مطلوب: انتهاء صلاحية واجهة القياسات الحيوية الآمنة (SBI)',
      FTM_CHIP_CERT_EXPIRY: 'إجراء مطلوب: انتهاء صلاحية شهادة شريحة FTM',
      WEEKLY_SUMMARY: 'الملخص الأسبوعي: عناصر تنتهي صلاحيتها قريبًا',
    },
    intro: {
      ROOT_CERT_EXPIRY: (when) => `تنتهي صلاحية شهادة مرجع مصدق جذري في مخزن الثقة ${when}. يرجى رفع الشهادة البديلة قبل ذلك.`,
      INTERMEDIATE_CERT_EXPIRY: (when) => `تنتهي صلاحية شهادة مرجع مصدق وسيط في مخزن الثقة ${when}. يرجى رفع الشهادة البديلة قبل ذلك.`,
      PARTNER_CERT_EXPIRY: (when) => `تنتهي صلاحية شهادة الشريك الخاصة بكم ${when}. يرجى رفع شهادة مجددة قبل ذلك لضمان استمرار خدماتكم.`,
      API_KEY_EXPIRY: (when) => `تنتهي صلاحية مفتاح واجهة البرمجة الخاص بكم ${when}. يرجى إنشاء مفتاح جديد قبل ذلك.`,
      MISP_LICENSE_EXPIRY: (when) => `تنتهي صلاحية مفتاح ترخيص MISP الخاص بكم ${when}. يرجى طلب ترخيص جديد قبل ذلك.`,
      SBI_EXPIRY: (when) =>
        `تنتهي صلاحية واجهة القياسات الحيوية الآمنة (SBI) الخاصة بكم ${when}. بعد ذلك يتم إيقافها مع أجهزتها: يرجى تسجيل إصدار مجدد قبل ذلك.`,
      FTM_CHIP_CERT_EXPIRY: (when) => `تنتهي صلاحية شهادة شريحة FTM (وحدة الثقة الأساسية) الخاصة بكم ${when}. يرجى رفع شهادة مجددة للشريحة قبل ذلك.`,
      WEEKLY_SUMMARY: () => 'تنتهي صلاحية هذه العناصر خلال الأسبوع القادم.',
    },
    labels: {
      certificateId: 'معرف الشهادة',
      issuedTo: 'صادرة إلى',
      issuedBy: 'صادرة من',
      partnerDomain: 'نطاق الشريك',
      expiry: 'تاريخ الانتهاء',
      apiKey: 'مفتاح واجهة البرمجة',
      policy: 'السياسة',
      policyGroup: 'مجموعة السياسات',
      license: 'الترخيص',
      misp: 'شريك MISP',
      partner: 'الشريك',
      sbi: 'معرف SBI',
      sbiVersion: 'إصدار SBI',
      binaryHash: 'تجزئة الملف الثنائي',
      registered: 'تاريخ التسجيل',
      ftmChip: 'معرف شريحة FTM',
      make: 'الشركة المصنعة',
      model: 'الطراز',
    },
    closing: 'أُرسلت هذه الرسالة من نظام إدارة الشركاء في MOSIP. يرجى عدم الرد.',
  },
  fra: {
    dir: 'ltr',
    greeting: (name) => `Bonjour ${name},`,
    remaining: (days) => (days === 0 ? "aujourd'hui" : `dans ${days} jour(s)`),
    subjects: {
      ROOT_CERT_EXPIRY: "Action requise : expiration d'un certificat d'AC racine",
      INTERMEDIATE_CERT_EXPIRY: "Action requise : expiration d'un certificat d'AC intermédiaire",
      PARTNER_CERT_EXPIRY: 'Action requise : expiration du certificat partenaire',
      API_KEY_EXPIRY: "Action requise : expiration d'une clé d'API",
      MISP_LICENSE_EXPIRY: "Action requise : expiration d'une clé de licence MISP",
      SBI_EXPIRY: "Action requise : expiration d'une interface biométrique sécurisée (SBI)",
      FTM_CHIP_CERT_EXPIRY: "Action requise : expiration du certificat d'une puce FTM",
      WEEKLY_SUMMARY: 'Résumé hebdomadaire : expirations à venir',
    },
    intro: {
      ROOT_CERT_EXPIRY: (when) => `Un certificat d'AC racine du magasin de confiance expire ${when}. Téléversez son remplaçant d'ici là.`,
      INTERMEDIATE_CERT_EXPIRY: (when) => `Un certificat d'AC intermédiaire du magasin de confiance expire ${when}. Téléversez son remplaçant d'ici là.`,
      PARTNER_CERT_EXPIRY: (when) =>
        `Votre certificat partenaire expire ${when}. Téléversez un certificat renouvelé d'ici là pour que vos services continuent.`,
      API_KEY_EXPIRY: (when) => `Votre clé d'API expire ${when}. Générez une nouvelle clé d'ici là.`,
      MISP_LICENSE_EXPIRY: (when) => `Votre clé de licence MISP expire ${when}. Demandez une nouvelle licence d'ici là.`,
      SBI_EXPIRY: (when) =>
        `Votre interface biométrique sécurisée (SBI) expire ${when}. Elle sera alors désactivée avec ses appareils : enregistrez une version renouvelée d'ici là.`,
      FTM_CHIP_CERT_EXPIRY: (when) =>
        `Le certificat de votre puce FTM (module de confiance fondamental) expire ${when}. Téléversez un certificat renouvelé pour la puce d'ici là.`,
      WEEKLY_SUMMARY: () => 'Ces éléments expirent dans la semaine à venir.',
    },
    labels: {
      certificateId: 'Identifiant du certificat',
      issuedTo: 'Délivré à',
      issuedBy: 'Délivré par',
      partnerDomain: 'Domaine partenaire',
      expiry: 'Expire le',
      apiKey: "Clé d'API",
      policy: 'Politique',
      policyGroup: 'Groupe de politiques',
      license: 'Licence',
      misp: 'Partenaire MISP',
      partner: 'Partenaire',
      sbi: 'Identifiant SBI',
      sbiVersion: 'Version SBI',
      binaryHash: 'Empreinte du binaire',
      registered: 'Enregistrée le',
      ftmChip: 'Identifiant de la puce FTM',
      make: 'Marque',
      model: 'Modèle',
    },
    closing: 'Ce message a été envoyé par le système de gestion des partenaires MOSIP. Merci de ne pas y répondre.',
  },
};

/** Expiry instants are told in UTC, as MOSIP's mails do. */
function utc(instant: string): string {
  return `${instant.slice(0, 16).replace('T', ' ')} UTC`;
}

/** One block of label/value lines per item the notification tells about. */
function itemLines(details: NotificationDetails, labels: LanguageText['labels']): [string, string][][] {
  return [
    ...details.certificateDetails.map((cert): [string, string][] => [
      [labels.certificateId, cert.certificateId],
      [labels.issuedTo, cert.issuedTo],
      [labels.issuedBy, cert.issuedBy],
      [labels.partnerDomain, cert.partnerDomain],
      [labels.expiry, utc(cert.expiryDateTime)],
    ]),
    ...details.apiKeyDetails.map((key): [string, string][] => [
      [labels.apiKey, key.apiKeyName],
      [labels.partner, key.partnerId],
      [labels.policy, key.policyName],
      [labels.policyGroup, key.policyGroup ?? '-'],
      [labels.expiry, utc(key.expiryDateTime)],
    ]),
    ...details.mispLicenseDetails.map((license): [string, string][] => [
      [labels.license, license.licenseId],
      [labels.misp, license.mispId],
      [labels.expiry, utc(license.expiryDateTime)],
    ]),
    ...details.sbiDetails.map((sbi): [string, string][] => [
      [labels.sbi, sbi.sbiId],
      [labels.sbiVersion, sbi.sbiVersion],
      [labels.partner, sbi.partnerId],
      [labels.binaryHash, sbi.sbiBinaryHash],
      [labels.registered, utc(sbi.sbiCreationDate)],
      [labels.expiry, utc(sbi.expiryDateTime)],
    ]),
    ...details.ftmDetails.map((chip): [string, string][] => [
      [labels.ftmChip, chip.ftmId],
      [labels.make, chip.make],
      [labels.model, chip.model],
      [labels.partner, chip.partnerId],
      [labels.issuedTo, chip.issuedTo],
      [labels.issuedBy, chip.issuedBy],
      [labels.expiry, utc(chip.expiryDateTime)],
    ]),
  ];
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * The days left when the notice was made; a mail queued before it carried them has only the first item's
 * `expiryPeriod`, the notice's threshold.
 */
function daysLeft(mail: Pick<OutgoingMail, 'daysLeft' | 'details'>): number {
  if (mail.daysLeft !== undefined) return mail.daysLeft;
  const { details } = mail;
  const first = [...details.certificateDetails, ...details.apiKeyDetails, ...details.mispLicenseDetails, ...details.sbiDetails, ...details.ftmDetails][0];
  return Number(first?.expiryPeriod ?? 0);
}

/** Subject, plain text and HTML of a notification mail in the recipient's language (Arabic right to left). */
export function renderMail(mail: Pick<OutgoingMail, 'language' | 'notificationType' | 'recipientName' | 'details' | 'daysLeft'>): RenderedMail {
  const text = TEXTS[mail.language];
  const subject = text.subjects[mail.notificationType];
  const intro = text.intro[mail.notificationType](text.remaining(daysLeft(mail)));
  const blocks = itemLines(mail.details, text.labels);
  const plain = [
    text.greeting(mail.recipientName),
    '',
    intro,
    '',
    ...blocks.map((lines) => lines.map(([label, value]) => `${label}: ${value}`).join('\n')).flatMap((block) => [block, '']),
    text.closing,
  ].join('\n');
  const tables = blocks
    .map((lines) => `<table>${lines.map(([label, value]) => `<tr><th>${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`).join('')}</table>`)
    .join('');
  const html =
    `<!DOCTYPE html><html lang="${mail.language === 'eng' ? 'en' : mail.language === 'ara' ? 'ar' : 'fr'}" dir="${text.dir}"><body dir="${text.dir}">` +
    `<p>${escapeHtml(text.greeting(mail.recipientName))}</p><p>${escapeHtml(intro)}</p>${tables}<p>${escapeHtml(text.closing)}</p></body></html>`;
  return { subject, text: plain, html };
}
