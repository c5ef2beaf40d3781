import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AUDITED_OBJECT_TYPES } from '../../functions/domain/audit-trail/audit-trail.js';
import { PARTNER_DOMAINS } from '../../functions/domain/certificates/partner-domains.js';
import { DERIVED_STATUSES } from '../../functions/domain/devices/approval.js';
import { CHIP_STATUSES } from '../../functions/domain/ftm-chips/ftm-chip.js';
import { DISMISSED, NOTIFICATION_STATUSES } from '../../functions/domain/notifications/notification.js';
import { TYPES_BY_FILTER } from '../../functions/domain/notifications/portal.js';
import { PARTNER_TYPES } from '../../functions/domain/partners/partner-types.js';
import { SUPPORTED_LANGUAGES } from '../../functions/domain/partners/registration-rules.js';
import { POLICY_STATUSES } from '../../functions/domain/policies/policy.js';
import { POLICY_TYPES } from '../../functions/domain/policies/policy-types.js';
import { POLICY_REQUEST_STATUSES } from '../../functions/domain/policy-requests/policy-request.js';
import { ACTIVATION_STATUSES, DEACTIVATE_STATUS, DECISIONS, LEGACY_DECISIONS } from '../../functions/domain/status-words.js';
import { openApiDocument } from '../../functions/openapi/openapi-document.js';
import type { Service } from '../../functions/routes/route.js';
import { ROUTES } from '../../functions/routes/route-table.js';

type Schema = { enum?: unknown[]; nullable?: boolean; properties?: Record<string, Schema> };
type Operation = { parameters: { name: string; in: string; schema: Schema }[]; requestBody?: { content: { 'application/json': { schema: Schema } } } };

function operation(operationId: string): Operation {
  const route = ROUTES.find((candidate) => candidate.operationId === operationId);
  assert.ok(route, operationId);
  const document = openApiDocument(route.service as Service) as { paths: Record<string, Record<string, Operation>> };
  return document.paths[route.path.replace('+}', '}')]![route.method.toLowerCase()]!;
}

/** `query.name` is a query parameter; `body.name` a member of the envelope's `request`. */
function documentedValues(operationId: string, where: string): unknown[] | undefined {
  const [place, name] = where.split('.') as ['query' | 'body', string];
  const found = operation(operationId);
  const schema =
    place === 'query'
      ? found.parameters.find((parameter) => parameter.in === 'query' && parameter.name === name)?.schema
      : found.requestBody?.content['application/json'].schema.properties?.request?.properties?.[name];
  assert.ok(schema, `${operationId} ${where} is documented`);
  // A nullable member lists null as well (OpenAPI 3.0.3); the domain's words are the rest.
  return schema.nullable ? schema.enum?.filter((value) => value !== null) : schema.enum;
}

const PARTNER_TYPE_CODES = Object.keys(PARTNER_TYPES);

/** Every documented closed set, with the domain constant the operation checks the value against. */
const ENUMS: [operationId: string, where: string, values: readonly string[]][] = [
  ['registerPartner', 'body.partnerType', PARTNER_TYPE_CODES],
  ['registerPartnerV2', 'body.partnerType', PARTNER_TYPE_CODES],
  ['registerPartner', 'body.langCode', SUPPORTED_LANGUAGES],
  ['searchPartners', 'body.partnerType', ['all', ...PARTNER_TYPE_CODES]],
  ['listAdminPartners', 'query.partnerType', PARTNER_TYPE_CODES],
  ['listPartnersOfType', 'query.partnerType', PARTNER_TYPE_CODES],
  ['listPartnersOfTypeV2', 'query.partnerType', PARTNER_TYPE_CODES],
  ['partnersV3', 'query.partnerType', PARTNER_TYPE_CODES],
  ['listPolicyRequests', 'query.partnerType', PARTNER_TYPE_CODES],
  ['uploadCaCertificate', 'body.partnerDomain', PARTNER_DOMAINS],
  ['uploadPartnerCertificate', 'body.partnerDomain', PARTNER_DOMAINS],
  ['listTrustCertificates', 'query.partnerDomain', PARTNER_DOMAINS],
  ['listNotifications', 'query.partnerDomain', PARTNER_DOMAINS],
  ['listNotifications', 'query.notificationType', Object.keys(TYPES_BY_FILTER)],
  ['createPolicy', 'body.policyType', POLICY_TYPES],
  ['listPolicies', 'query.policyType', POLICY_TYPES],
  ['searchPolicies', 'body.policyType', ['all', ...POLICY_TYPES]],
  ['policyFilterValues', 'body.policyType', ['all', ...POLICY_TYPES]],
  ['decidePolicyRequest', 'body.status', DECISIONS],
  ['decideDevice', 'body.status', DECISIONS],
  ['changePartnerStatus', 'body.status', ACTIVATION_STATUSES],
  ['changeApiKeyStatus', 'body.status', ACTIVATION_STATUSES],
  ['changeMispLicenseStatus', 'body.licenseKeyStatus', ACTIVATION_STATUSES],
  ['updatePolicyStatus', 'body.status', ACTIVATION_STATUSES],
  ['deactivatePolicyGroup', 'body.status', [DEACTIVATE_STATUS]],
  ['deactivatePolicy', 'body.status', [DEACTIVATE_STATUS]],
  ['deactivateSbi', 'body.status', [DEACTIVATE_STATUS]],
  ['deactivateDevice', 'body.status', [DEACTIVATE_STATUS]],
  ['deactivateFtmChip', 'body.status', [DEACTIVATE_STATUS]],
  ['decideSbi', 'body.approvalStatus', LEGACY_DECISIONS],
  ['decideDeviceLegacy', 'body.approvalStatus', LEGACY_DECISIONS],
  ['getAuditTrail', 'query.objectType', AUDITED_OBJECT_TYPES],
  ['listNotifications', 'query.notificationStatus', NOTIFICATION_STATUSES],
  ['dismissNotification', 'body.notificationStatus', [DISMISSED]],
  ['listPolicyRequests', 'query.status', POLICY_REQUEST_STATUSES],
  ['listPolicies', 'query.status', POLICY_STATUSES],
  ['listSbis', 'query.status', DERIVED_STATUSES],
  ['listDevices', 'query.status', DERIVED_STATUSES],
  ['listFtmChips', 'query.status', CHIP_STATUSES],
];

test("each MOSIP closed set is documented with exactly its domain constant's values", () => {
  for (const [operationId, where, values] of ENUMS) assert.deepEqual(documentedValues(operationId, where), [...values], `${operationId} ${where}`);
});

test('a documented closed set does not change validation: another word still passes the schema, for the operation to refuse', () => {
  for (const [operationId, where] of ENUMS.filter(([, where]) => where.startsWith('body.'))) {
    const route = ROUTES.find((candidate) => candidate.operationId === operationId)!;
    const example = route.example ?? {};
    const member = where.slice('body.'.length);
    // The rest of the request from the route's example (or nothing), the member set to a word outside the list (short enough for every member's size bound).
    const result = route.body!.safeParse({ ...(example as object), [member]: 'Zzz' });
    const issues = result.success ? [] : result.error.issues.filter((issue) => issue.path[0] === member);
    assert.deepEqual(issues, [], `${operationId} ${where}`);
  }
});

test('a query parameter outside any closed set documents no values', () => {
  assert.equal(documentedValues('listAdminPartners', 'query.orgName'), undefined);
});
