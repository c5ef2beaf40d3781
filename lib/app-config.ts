import type { Node } from 'constructs';
import { API_KEYS_PER_POLICY_RANGE } from '../functions/adapters/api-key-settings.js';
import { MINIMUM_VALIDITY_RANGES, selfRegisteredActivationSetting } from '../functions/adapters/certificate-upload-settings.js';
import { MISP_LICENSE_VALIDITY_RANGE } from '../functions/adapters/misp-license-settings.js';
import { parseIssuers } from '../functions/auth/issuers.js';
import { wholeNumberSetting } from '../functions/config/env.js';
import type { MinimumRemainingValidity, SelfRegisteredActivation } from '../functions/domain/certificates/ports.js';

export interface CognitoIdentityConfig {
  kind: 'cognito';
  /** Where the partner portal receives the authorization code (also its sign-out landing pages). */
  portalCallbackUrls: string[];
  /** Prefix of the hosted sign-in domain `<prefix>.auth.<region>.amazoncognito.com`; unique per region. */
  domainPrefix?: string;
}

export interface KeycloakIdentityConfig {
  kind: 'keycloak';
  /** The realm URL exactly as tokens carry it in `iss`, e.g. https://iam.example.org/realms/mosip. */
  issuer: string;
  /** The PMS client id the realm's audience mapper puts in `aud`. */
  audience: string;
}

export type IdentityConfig = CognitoIdentityConfig | KeycloakIdentityConfig;

/** Who issues the tokens PMS trusts, from CDK context (`-c identity=keycloak -c keycloakIssuer=… -c keycloakAudience=…`). */
export function identityFromContext(node: Node): IdentityConfig {
  const kind: unknown = node.tryGetContext('identity') ?? 'cognito';
  if (kind === 'cognito') {
    const domainPrefix: unknown = node.tryGetContext('cognitoDomainPrefix');
    return {
      kind,
      portalCallbackUrls: stringList(node.tryGetContext('portalCallbackUrls'), 'portalCallbackUrls'),
      ...(typeof domainPrefix === 'string' && domainPrefix && { domainPrefix }),
    };
  }
  if (kind === 'keycloak') {
    const issuer: unknown = node.tryGetContext('keycloakIssuer');
    const audience: unknown = node.tryGetContext('keycloakAudience');
    if (typeof issuer !== 'string' || !issuer.startsWith('https://') || issuer.endsWith('/')) {
      // The JWKS is fetched from the issuer, so it must be TLS; `iss` is compared byte for byte, so no trailing slash.
      throw new Error('identity=keycloak needs -c keycloakIssuer=https://<host>/realms/<realm> (https, no trailing slash)');
    }
    if (typeof audience !== 'string') throw new Error('identity=keycloak needs -c keycloakAudience=<PMS client id>');
    // The authorizer's own checks, so a bad realm setting fails the synth instead of every request.
    parseIssuers(JSON.stringify([{ flavor: 'keycloak', issuer, audience }]));
    return { kind, issuer, audience };
  }
  throw new Error(`context "identity" must be "cognito" or "keycloak", not ${JSON.stringify(kind)}`);
}

/** Context arrives as JSON from cdk.json or as a string from `-c key=a,b`. */
function stringList(value: unknown, key: string): string[] {
  const list = typeof value === 'string' ? value.split(',').map((item) => item.trim()) : value;
  if (!Array.isArray(list) || list.length === 0 || !list.every((item) => typeof item === 'string' && item)) {
    throw new Error(`context "${key}" must be a non-empty list of URLs`);
  }
  return list as string[];
}

/** Who notification mails come from, and where admin notices go (CDK context). */
export interface MailConfig {
  /** The sender address (`-c mailFrom=pms@example.org`). */
  from: string;
  /** The SES identity that verifies it: the address's domain unless `-c mailIdentity=` names another. */
  identity: string;
  /** The partner-admin distribution list (`-c adminNotificationEmail=`), in `-c adminNotificationLanguage=` (eng). */
  adminList: { to: string; language: string } | null;
}

export const ADDRESS = /^[^@\s]+@([^@\s]+\.[^@\s]+)$/;

/** Mails are off (portal notifications only) until `mailFrom` is set; a malformed address fails the synth. */
export function mailFromContext(node: Node): MailConfig | null {
  const from: unknown = node.tryGetContext('mailFrom');
  if (from === undefined || from === '') return null;
  const match = typeof from === 'string' ? ADDRESS.exec(from) : null;
  if (typeof from !== 'string' || !match) throw new Error(`context "mailFrom" must be an e-mail address, not ${JSON.stringify(from)}`);
  const identity: unknown = node.tryGetContext('mailIdentity') ?? match[1];
  if (typeof identity !== 'string' || !identity) throw new Error('context "mailIdentity" must name an SES identity (a domain or an address)');
  const adminTo: unknown = node.tryGetContext('adminNotificationEmail');
  if (adminTo !== undefined && (typeof adminTo !== 'string' || !ADDRESS.test(adminTo)))
    throw new Error(`context "adminNotificationEmail" must be an e-mail address, not ${JSON.stringify(adminTo)}`);
  const language: unknown = node.tryGetContext('adminNotificationLanguage') ?? 'eng';
  if (!['eng', 'ara', 'fra'].includes(String(language))) throw new Error('context "adminNotificationLanguage" must be eng, ara or fra');
  return { from, identity, adminList: typeof adminTo === 'string' ? { to: adminTo, language: String(language) } : null };
}

/** The context key of each minimum remaining validity of uploaded certificates. */
export const MINIMUM_VALIDITY_CONTEXT: Readonly<Record<keyof MinimumRemainingValidity, string>> = {
  caMonths: 'caCertMinValidityMonths',
  partnerDays: 'partnerCertMinValidityDays',
};

/**
 * The minimums the operator set (`-c caCertMinValidityMonths=6 -c partnerCertMinValidityDays=0`); those not given are
 * left out, so the functions apply MOSIP's defaults. A value the functions would refuse fails the synth instead.
 */
export function minimumValidityFromContext(node: Node): Partial<MinimumRemainingValidity> {
  const minimums: Partial<MinimumRemainingValidity> = {};
  for (const key of Object.keys(MINIMUM_VALIDITY_CONTEXT) as (keyof MinimumRemainingValidity)[]) {
    const contextKey = MINIMUM_VALIDITY_CONTEXT[key];
    const value: unknown = node.tryGetContext(contextKey);
    if (value === undefined || value === '') continue;
    const text = typeof value === 'number' || typeof value === 'string' ? String(value) : JSON.stringify(value);
    minimums[key] = wholeNumberSetting(`context "${contextKey}"`, text, MINIMUM_VALIDITY_RANGES[key]);
  }
  return minimums;
}

/**
 * Who activates a self-registered partner (`-c selfRegisteredPartnerActivation=on-certificate-upload` for MOSIP's
 * behaviour); null when not given, so the function applies our default. A value the function would refuse fails the synth.
 */
export function selfRegisteredActivationFromContext(node: Node): SelfRegisteredActivation | null {
  const value: unknown = node.tryGetContext('selfRegisteredPartnerActivation');
  return value === undefined || value === '' ? null : selfRegisteredActivationSetting('context "selfRegisteredPartnerActivation"', value);
}

/** The cap on a partner's active API keys per policy (`-c apiKeysPerPolicyMax=10`); null when not given. A bad value fails the synth. */
export function apiKeysPerPolicyMaxFromContext(node: Node): number | null {
  const value: unknown = node.tryGetContext('apiKeysPerPolicyMax');
  if (value === undefined || value === '') return null;
  const text = typeof value === 'number' || typeof value === 'string' ? String(value) : JSON.stringify(value);
  return wholeNumberSetting('context "apiKeysPerPolicyMax"', text, API_KEYS_PER_POLICY_RANGE);
}

/** A new MISP license's validity in days (`-c mispLicenseValidityDays=730`); null when not given. A bad value fails the synth. */
export function mispLicenseValidityDaysFromContext(node: Node): number | null {
  const value: unknown = node.tryGetContext('mispLicenseValidityDays');
  if (value === undefined || value === '') return null;
  const text = typeof value === 'number' || typeof value === 'string' ? String(value) : JSON.stringify(value);
  return wholeNumberSetting('context "mispLicenseValidityDays"', text, MISP_LICENSE_VALIDITY_RANGE);
}

/** The log levels an operator may choose (Powertools Logger's names). */
export const LOG_LEVELS = ['DEBUG', 'INFO', 'WARN', 'ERROR'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** How much the functions log: a level and a share of invocations logged at DEBUG; each left out when not given. */
export interface LoggingConfig {
  level?: LogLevel;
  debugSampleRate?: number;
}

/**
 * `-c logLevel=DEBUG|INFO|WARN|ERROR` and `-c debugLogSampleRate=0.05` (0 to 1: that share of invocations logs at
 * DEBUG), for every function. Not given, the functions log at INFO and sample nothing. A bad value fails the synth.
 */
export function loggingFromContext(node: Node): LoggingConfig {
  const level: unknown = node.tryGetContext('logLevel');
  const rate: unknown = node.tryGetContext('debugLogSampleRate');
  const config: LoggingConfig = {};
  if (level !== undefined && level !== '') {
    const upper = typeof level === 'string' ? level.toUpperCase() : '';
    if (!(LOG_LEVELS as readonly string[]).includes(upper))
      throw new Error(`context "logLevel" must be ${LOG_LEVELS.slice(0, -1).join(', ')} or ${LOG_LEVELS.at(-1)}, not ${JSON.stringify(level)}`);
    config.level = upper as LogLevel;
  }
  if (rate !== undefined && rate !== '') {
    const text = typeof rate === 'number' || typeof rate === 'string' ? String(rate).trim() : '';
    // A plain decimal from 0 to 1: no exponent, no sign, nothing Number() would read loosely ('', ' ', '0x1').
    if (!/^(0(\.\d+)?|1(\.0+)?|\.\d+)$/.test(text)) throw new Error(`context "debugLogSampleRate" must be a number from 0 to 1, not ${JSON.stringify(rate)}`);
    config.debugSampleRate = Number(text);
  }
  return config;
}

/** What Powertools Logger reads (functions/observability/logger.ts): the level and the debug sampling rate. */
export function loggingEnvironment(config: LoggingConfig): Record<string, string> {
  return {
    ...(config.level && { POWERTOOLS_LOG_LEVEL: config.level }),
    ...(config.debugSampleRate !== undefined && { POWERTOOLS_LOGGER_SAMPLE_RATE: String(config.debugSampleRate) }),
  };
}
