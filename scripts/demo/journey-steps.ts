import type { Role } from '../../functions/auth/roles.js';
import type { HttpMethod } from '../../functions/routes/route.js';

/**
 * The seed journey (an authentication partner onboarded up to IDA's "allow"), as data: `npm run demo` runs these
 * steps, and docs/journey.md shows them as curl commands. test/unit/journey-guide.test.ts checks that the guide shows
 * every step with the same method, path, token and request member, in this order, so the two cannot drift apart.
 *
 * A step's path and request are functions of the journey's values, named as the guide's shell variables: the demo
 * passes the values it has (the run suffix, its certificates, the ids earlier answers gave), the guide's check passes
 * `$NAME` for each, which is what the guide's commands hold before the shell expands them.
 */

/** The names of the journey's values; the guide's shell variables are called the same. */
export type JourneyValue =
  /** Makes this run's names unique, so the journey runs again and again against the same stack. */
  | 'RUN'
  /** PEM: the CA certificates (root, then intermediate) and the partner certificate of each partner. */
  | 'BANK_CA_CHAIN'
  | 'BANK_CERT'
  | 'MISP_CA_CHAIN'
  | 'MISP_CERT'
  /** Taken from earlier answers. */
  | 'GROUP_ID'
  | 'POLICY_ID'
  | 'BANK_ACTIVE'
  | 'MAPPING_KEY'
  | 'API_KEY'
  | 'LICENSE_KEY';
export type JourneyValues = Readonly<Record<JourneyValue, string>>;

/** Who calls: the guide's token variables, each minted for one user with PMS roles. */
export type Actor = 'ADMIN_TOKEN' | 'BANK_TOKEN' | 'MISP_TOKEN' | 'IDA_TOKEN';

/** The bank (an authentication partner that registers itself) and the MISP (which a partner admin registers). */
export const bankId = (v: Pick<JourneyValues, 'RUN'>) => `first-bank-${v.RUN}`;
export const bankOrganization = (v: Pick<JourneyValues, 'RUN'>) => `First Bank ${v.RUN}`;
export const mispId = (v: Pick<JourneyValues, 'RUN'>) => `telco-misp-${v.RUN}`;
export const mispOrganization = (v: Pick<JourneyValues, 'RUN'>) => `Telco MISP ${v.RUN}`;
const groupName = (v: Pick<JourneyValues, 'RUN'>) => `Banks ${v.RUN}`;
const policyName = (v: Pick<JourneyValues, 'RUN'>) => `eKYC ${v.RUN}`;

export const ACTORS: Record<Actor, { user: (v: Pick<JourneyValues, 'RUN'>) => string; roles: readonly Role[] }> = {
  ADMIN_TOKEN: { user: () => 'admin1', roles: ['PARTNER_ADMIN', 'POLICYMANAGER'] },
  BANK_TOKEN: { user: bankId, roles: ['AUTH_PARTNER'] },
  MISP_TOKEN: { user: mispId, roles: ['MISP_PARTNER'] },
  IDA_TOKEN: { user: () => 'ida-client', roles: ['ID_AUTHENTICATION'] },
};

/**
 * A MOSIP authentication policy (mosip-config `auth-policy-schema.json`): the authentication types the partner may
 * ask for, the attributes an eKYC answer may carry, and the languages of those attributes.
 */
export const AUTH_POLICY = {
  authTokenType: 'partner',
  allowedAuthTypes: [
    { authType: 'otp', authSubType: '', mandatory: true },
    { authType: 'demo', authSubType: '', mandatory: false },
    { authType: 'bio', authSubType: 'FINGER', mandatory: false },
    { authType: 'bio', authSubType: 'IRIS', mandatory: false },
    { authType: 'bio', authSubType: 'FACE', mandatory: false },
    { authType: 'kyc', authSubType: '', mandatory: false },
  ],
  allowedKycAttributes: [
    { attributeName: 'fullName' },
    { attributeName: 'gender' },
    { attributeName: 'dateOfBirth' },
    { attributeName: 'phone' },
    { attributeName: 'email' },
    { attributeName: 'addressLine1' },
  ],
  kycLanguages: ['eng'],
};

export interface JourneyStep {
  /** Printed before the step's answer: `<name>: ok …`. */
  name: string;
  /** What happens, for people. */
  what: string;
  as: Actor;
  method: HttpMethod;
  path: (v: JourneyValues) => string;
  /** The envelope's `id` (V1 endpoints echo it on some answers and check nothing about it). */
  requestId?: string;
  /** The envelope's `request` member; absent: no body. */
  request?: (v: JourneyValues) => Record<string, unknown>;
  /** The answer's fields worth printing (the guide's abridged answer shows them too). */
  show: readonly string[];
  /** Values the journey takes from the answer: value name → the answer's field. */
  keep?: Partial<Record<JourneyValue, string>>;
  /** Why the step is not needed, given the values so far; undefined: it is. */
  skipWhen?: (v: JourneyValues) => string | undefined;
  /** The MOSIP error code the step must be refused with (what a "deny" looks like). */
  refusedWith?: string;
  /** The word printed for success: `ok` unless said. */
  outcome?: string;
}

const PM = '/v1/partnermanager';
const POLICIES = '/v1/policymanager/policies';

export const JOURNEY_STEPS: readonly JourneyStep[] = [
  {
    name: 'create-policy-group',
    what: 'a policy manager creates the policy group the bank will join',
    as: 'ADMIN_TOKEN',
    method: 'POST',
    path: () => `${POLICIES}/group/new`,
    requestId: 'mosip.pms.policygroup.create',
    request: (v) => ({ name: groupName(v), desc: 'Authentication partners that are banks' }),
    show: ['id', 'name', 'is_Active'],
    keep: { GROUP_ID: 'id' },
  },
  {
    name: 'create-auth-policy',
    what: 'the policy manager drafts an authentication policy in the group',
    as: 'ADMIN_TOKEN',
    method: 'POST',
    path: () => POLICIES,
    requestId: 'mosip.pms.policy.create',
    request: (v) => ({
      policyGroupName: groupName(v),
      policyType: 'Auth',
      name: policyName(v),
      desc: 'eKYC and OTP authentication for banks',
      version: '1.0',
      policies: AUTH_POLICY,
    }),
    show: ['id', 'name', 'is_Active'],
    keep: { POLICY_ID: 'id' },
  },
  {
    name: 'publish-policy',
    what: 'the policy manager publishes it, so partners of the group may ask for it',
    as: 'ADMIN_TOKEN',
    method: 'POST',
    path: (v) => `${POLICIES}/${v.POLICY_ID}/group/${v.GROUP_ID}/publish`,
    show: ['policyId', 'status', 'is_Active'],
  },
  {
    name: 'register-bank',
    what: 'the bank registers itself as an authentication partner in the group',
    as: 'BANK_TOKEN',
    method: 'POST',
    path: () => `${PM}/partners`,
    requestId: 'mosip.partnermanagement.partners.create',
    request: (v) => ({
      partnerId: bankId(v),
      partnerType: 'Auth_Partner',
      policyGroup: groupName(v),
      organizationName: bankOrganization(v),
      address: '12 Kenyatta Avenue, Nairobi',
      contactNumber: '+254700000000',
      emailId: `ops-${v.RUN}@first-bank.example`,
      langCode: 'eng',
    }),
    show: ['partnerId', 'status'],
  },
  {
    name: 'upload-bank-ca',
    what: "a partner admin adds the bank's root and intermediate CA certificates to the AUTH trust store",
    as: 'ADMIN_TOKEN',
    method: 'POST',
    path: () => `${PM}/partners/certificate/ca/upload`,
    requestId: 'mosip.pms.caupload',
    request: (v) => ({ certificateData: v.BANK_CA_CHAIN, partnerDomain: 'AUTH' }),
    show: ['status'],
  },
  {
    name: 'upload-bank-certificate',
    what: 'the bank uploads its certificate; PMS checks it against the trust store and answers with the PMS-signed one',
    as: 'BANK_TOKEN',
    method: 'POST',
    path: () => `${PM}/partners/certificate/upload`,
    requestId: 'mosip.pms.partnerupload',
    request: (v) => ({ partnerId: bankId(v), certificateData: v.BANK_CERT, partnerDomain: 'AUTH' }),
    show: ['certificateId', 'signedCertificateData'],
  },
  {
    name: 'read-bank-status',
    what: 'the bank reads its profile: a self-registered partner waits for a partner admin (by default)',
    as: 'BANK_TOKEN',
    method: 'GET',
    path: (v) => `${PM}/partners/${bankId(v)}`,
    show: ['partnerID', 'status', 'isActive'],
    keep: { BANK_ACTIVE: 'isActive' },
  },
  {
    name: 'activate-bank',
    what: 'a partner admin who knows the bank activates it',
    as: 'ADMIN_TOKEN',
    method: 'PATCH',
    path: (v) => `${PM}/partners/${bankId(v)}`,
    requestId: 'mosip.partnermanagement.partners.status',
    request: () => ({ status: 'Active' }),
    show: ['message'],
    skipWhen: (v) =>
      v.BANK_ACTIVE === 'true' ? 'the certificate upload activated the bank (SELF_REGISTERED_PARTNER_ACTIVATION=on-certificate-upload)' : undefined,
  },
  {
    name: 'request-policy',
    what: 'the bank asks to use the policy',
    as: 'BANK_TOKEN',
    method: 'POST',
    path: (v) => `${PM}/partners/${bankId(v)}/policy/map`,
    requestId: 'mosip.pms.policy.map',
    request: (v) => ({ policyName: policyName(v), useCaseDescription: 'eKYC when a customer opens an account at a branch' }),
    show: ['mappingkey', 'message'],
    keep: { MAPPING_KEY: 'mappingkey' },
  },
  {
    name: 'approve-policy-request',
    what: "a partner admin approves the bank's request",
    as: 'ADMIN_TOKEN',
    method: 'PUT',
    path: (v) => `${PM}/partners/policy/${v.MAPPING_KEY}`,
    requestId: 'mosip.pms.policy.approve',
    request: () => ({ status: 'approved' }),
    show: [],
  },
  {
    name: 'generate-api-key',
    what: 'the bank generates an API key for the policy (shown in this answer only)',
    as: 'BANK_TOKEN',
    method: 'PATCH',
    path: (v) => `${PM}/partners/${bankId(v)}/generate/apikey`,
    requestId: 'mosip.pms.generate.apikey',
    request: (v) => ({ policyName: policyName(v), label: 'branch-app' }),
    show: ['apiKey', 'label', 'apiKeyId', 'policyId'],
    keep: { API_KEY: 'apiKey' },
  },
  {
    name: 'register-misp',
    what: 'a partner admin registers the MISP (the bank reaches IDA through it) for its user',
    as: 'ADMIN_TOKEN',
    method: 'POST',
    path: () => `${PM}/partners`,
    requestId: 'mosip.partnermanagement.partners.create',
    request: (v) => ({
      partnerId: mispId(v),
      partnerType: 'MISP_Partner',
      organizationName: mispOrganization(v),
      address: 'Moi Avenue, Mombasa',
      contactNumber: '+254711000000',
      emailId: `misp-${v.RUN}@telco.example`,
      langCode: 'eng',
    }),
    show: ['partnerId', 'status'],
  },
  {
    name: 'upload-misp-ca',
    what: "the partner admin adds the MISP's CA certificates to the AUTH trust store",
    as: 'ADMIN_TOKEN',
    method: 'POST',
    path: () => `${PM}/partners/certificate/ca/upload`,
    requestId: 'mosip.pms.caupload',
    request: (v) => ({ certificateData: v.MISP_CA_CHAIN, partnerDomain: 'AUTH' }),
    show: ['status'],
  },
  {
    name: 'upload-misp-certificate',
    what: 'the MISP uploads its certificate, which activates it (a partner admin registered it)',
    as: 'MISP_TOKEN',
    method: 'POST',
    path: () => `${PM}/partners/certificate/upload`,
    requestId: 'mosip.pms.partnerupload',
    request: (v) => ({ partnerId: mispId(v), certificateData: v.MISP_CERT, partnerDomain: 'AUTH' }),
    show: ['certificateId', 'signedCertificateData'],
  },
  {
    name: 'generate-misp-license',
    what: 'the MISP generates its license key (shown in this answer only)',
    as: 'MISP_TOKEN',
    method: 'POST',
    path: () => `${PM}/misps`,
    requestId: 'mosip.pms.misp.license.generate',
    request: (v) => ({ providerId: mispId(v) }),
    show: ['providerId', 'licenseKey', 'licenseKeyStatus', 'licenseKeyExpiry'],
    keep: { LICENSE_KEY: 'licenseKey' },
  },
  {
    name: 'verify',
    what: "IDA checks the bank's API key and the MISP's license key: allowed, with the policy",
    as: 'IDA_TOKEN',
    method: 'POST',
    path: () => `${PM}/partners/authenticate/verify`,
    requestId: 'mosip.pms.authenticate.verify',
    request: (v) => ({ partnerId: bankId(v), apiKey: v.API_KEY, mispLicenseKey: v.LICENSE_KEY }),
    show: ['partnerId', 'partnerStatus', 'policyId', 'policyName', 'policyStatus'],
    outcome: 'allowed',
  },
  {
    name: 'verify-wrong-api-key',
    what: "IDA checks a key that is not the bank's: denied, with the reason",
    as: 'IDA_TOKEN',
    method: 'POST',
    path: () => `${PM}/partners/authenticate/verify`,
    requestId: 'mosip.pms.authenticate.verify',
    request: (v) => ({ partnerId: bankId(v), apiKey: 'not-the-banks-api-key', mispLicenseKey: v.LICENSE_KEY }),
    show: [],
    refusedWith: 'PMS_PMP_017',
    outcome: 'denied',
  },
];
