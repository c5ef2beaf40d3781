import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { API_KEYS_PER_POLICY_MAX_ENV } from '../functions/adapters/api-key-settings.js';
import { MINIMUM_VALIDITY_ENV, SELF_REGISTERED_ACTIVATION_ENV } from '../functions/adapters/certificate-upload-settings.js';
import { MISP_LICENSE_VALIDITY_DAYS_ENV } from '../functions/adapters/misp-license-settings.js';
import type { MinimumRemainingValidity, SelfRegisteredActivation } from '../functions/domain/certificates/ports.js';
import type { ScheduledJobDefinition } from '../functions/jobs/scheduled-job.js';
import { apiKeyRoutes } from '../functions/routes/api-key-routes.js';
import { certificateRoutes } from '../functions/routes/certificate-routes.js';
import { mispLicenseRoutes } from '../functions/routes/misp-license-routes.js';
import type { Route } from '../functions/routes/route.js';
import { ROUTES } from '../functions/routes/route-table.js';
import { PmsApi } from './api.js';
import type { IdentityConfig, MailConfig } from './app-config.js';
import { PmsTable } from './data.js';
import { DeviceTypeSeed } from './device-type-seed.js';
import { DomainStack } from './domain-stack.js';
import type { EsignetConfig } from './esignet-deployment.js';
import { PartnerEvents } from './events.js';
import { createIdentity } from './identity.js';
import type { LoginConfig } from './login-context.js';
import { deployLogin } from './login-deployment.js';
import { MailDelivery } from './mail-delivery.js';
import { Monitoring } from './monitoring.js';
import { OutboxRelay } from './outbox-relay.js';
import { PersonalDataKeys } from './personal-data-keys.js';
import { PmsCaBootstrap } from './pms-ca-bootstrap.js';
import type { PortalConfig } from './portal-context.js';
import { PortalHosting } from './portal-hosting.js';
import { planRouteStacks } from './route-stacks.js';
import { RuntimeLayer } from './runtime-layer.js';
import { ScheduledJobs } from './scheduled-jobs.js';
import { SigningKeys } from './signing-keys.js';

export interface PmsStackProps extends StackProps {
  identity: IdentityConfig;
  /** The operations to deploy; the route table unless a test synthesizes another one. */
  routes?: readonly Route[];
  /** The scheduled jobs at their configured times (CDK context `jobTimes`). */
  jobs: readonly ScheduledJobDefinition[];
  /** Notification mails; null: portal notifications only. */
  mail: MailConfig | null;
  /** The uploads' minimum remaining validity the operator set (CDK context); those left out keep MOSIP's defaults. */
  minimumValidity: Partial<MinimumRemainingValidity>;
  /** Who activates a self-registered partner, when the operator chose (CDK context); null keeps our default. */
  selfRegisteredActivation?: SelfRegisteredActivation | null;
  /** The cap on a partner's active API keys per policy, when the operator set it (CDK context); null keeps the default. */
  apiKeysPerPolicyMax?: number | null;
  /** A new MISP license's validity in days, when the operator set it (CDK context); null keeps the default. */
  mispLicenseValidityDays?: number | null;
  /** How the login rows reach the identity provider (CDK context `login`); null: they are deployed without settings. */
  login?: LoginConfig | null;
  /** MOSIP's partner portal served with the API on one CloudFront origin (CDK context `portalBuild`); null: none. */
  portal?: PortalConfig | null;
  /** eSignet, where OIDC clients are registered (CDK context `esignetUrl` and friends); null: OIDC clients are off. */
  esignet?: EsignetConfig | null;
  /** Where alarms are mailed (CDK context `alarmEmail`); null: operators subscribe to the alarm topic themselves. */
  alarmEmail?: string | null;
}

/** The whole PMS deployment: shared resources here, the operations in nested stacks per domain. */
export class PmsStack extends Stack {
  readonly domainStacks: DomainStack[];

  constructor(scope: Construct, id: string, props: PmsStackProps) {
    super(scope, id, props);
    const { table } = new PmsTable(this, 'Data');
    const { bus: events } = new PartnerEvents(this, 'PartnerEvents');
    const signingKeys = new SigningKeys(this, 'SigningKeys');
    const personalDataKeys = new PersonalDataKeys(this, 'PersonalDataKeys');
    const { layer: runtimeLayer } = new RuntimeLayer(this, 'RuntimeLayer');
    const routes = props.routes ?? ROUTES;
    const identity = createIdentity(this, props.identity, { runtimeLayer, login: props.login ?? null });
    const api = new PmsApi(this, 'Api', { tokenIssuers: identity.tokenIssuers, runtimeLayer });
    const portal = props.portal && new PortalHosting(this, 'Portal', { ...props.portal, httpApi: api.httpApi });
    const login =
      props.login && identity.loginClient
        ? deployLogin(props.login, identity.loginClient, { routes, tokenIssuersJson: this.toJsonString(identity.tokenIssuers), portalUrl: portal?.url ?? null })
        : null;
    const relay = new OutboxRelay(this, 'OutboxRelay', { table, events, runtimeLayer });
    const pmsCa = new PmsCaBootstrap(this, 'PmsCa', { table, keys: signingKeys, runtimeLayer });
    new DeviceTypeSeed(this, 'DeviceTypes', { table, runtimeLayer });
    const jobs = new ScheduledJobs(this, 'Jobs', {
      jobs: props.jobs,
      table,
      runtimeLayer,
      personalDataKeys,
      environment: jobMailEnvironment(props.mail),
      esignet: props.esignet ?? null,
    });
    const mail = props.mail && new MailDelivery(this, 'Mail', { table, runtimeLayer, personalDataKeys, mail: props.mail });

    this.domainStacks = planRouteStacks(routes).map(
      (plan) =>
        new DomainStack(this, plan.id, {
          routes: plan.routes,
          httpApi: api.httpApi,
          authorizer: api.authorizer,
          runtimeLayer,
          table,
          issuingCaKey: signingKeys.issuingCa,
          personalDataKeys,
          operationEnvironment: operatorEnvironment(
            props.minimumValidity,
            props.selfRegisteredActivation ?? null,
            props.apiKeysPerPolicyMax ?? null,
            props.mispLicenseValidityDays ?? null,
          ),
          login,
          esignet: props.esignet ?? null,
        }),
    );

    const monitoring = new Monitoring(this, 'Monitoring', {
      alarmEmail: props.alarmEmail ?? null,
      api,
      routes,
      endpoints: this.domainStacks.flatMap((domainStack) => domainStack.endpoints),
      jobs,
      jobDefinitions: props.jobs,
      relay,
      mail,
      deadLetterScope: this,
    });

    new CfnOutput(this, 'AlarmTopicArn', { value: monitoring.topic.topicArn });
    new CfnOutput(this, 'TableName', { value: table.tableName });
    new CfnOutput(this, 'EventBusName', { value: events.eventBusName });
    new CfnOutput(this, 'JobDeadLetterQueueUrl', { value: jobs.deadLetterQueue.queueUrl });
    if (mail) new CfnOutput(this, 'MailDeadLetterQueueUrl', { value: mail.deadLetterQueue.queueUrl });
    new CfnOutput(this, 'RootCaKeyArn', { value: signingKeys.rootCa.keyArn });
    new CfnOutput(this, 'IssuingCaKeyArn', { value: signingKeys.issuingCa.keyArn });
    new CfnOutput(this, 'PersonalDataKeyArn', { value: personalDataKeys.data.keyArn });
    new CfnOutput(this, 'PersonalDataMacKeyArn', { value: personalDataKeys.mac.keyArn });
    new CfnOutput(this, 'RootCaCertificateSha256', { value: pmsCa.thumbprint('RootCertificateSha256') });
    new CfnOutput(this, 'IssuingCaCertificateSha256', { value: pmsCa.thumbprint('IssuingCertificateSha256') });
  }
}

/** What the jobs need to write mails: the sender (mails on) and the admins' list. */
function jobMailEnvironment(mail: MailConfig | null): Record<string, string> {
  if (!mail) return {};
  return {
    PMS_MAIL_FROM: mail.from,
    ...(mail.adminList && { PMS_ADMIN_NOTIFICATION_EMAIL: mail.adminList.to, PMS_ADMIN_NOTIFICATION_LANGUAGE: mail.adminList.language }),
  };
}

/** Which upload function applies each minimum: only it gets the variable, and only when the operator set it. */
const UPLOAD_OPERATION_OF: Readonly<Record<keyof MinimumRemainingValidity, string>> = {
  caMonths: certificateRoutes.uploadCaCertificate.operationId,
  partnerDays: certificateRoutes.uploadPartnerCertificate.operationId,
};

/** The API-key functions that switch a key on, and so apply the cap. */
const KEY_CAP_OPERATIONS = [apiKeyRoutes.generateApiKey, apiKeyRoutes.changeApiKeyStatus, apiKeyRoutes.repointApiKey].map((route) => route.operationId);

/** The MISP license functions that make a license, and so apply its validity. */
const LICENSE_VALIDITY_OPERATIONS = [mispLicenseRoutes.generateMispLicense, mispLicenseRoutes.regenerateMispLicense].map((route) => route.operationId);

/** The operator's settings, each on the functions that apply it and only when set. */
function operatorEnvironment(
  minimums: Partial<MinimumRemainingValidity>,
  selfRegisteredActivation: SelfRegisteredActivation | null,
  apiKeysPerPolicyMax: number | null,
  mispLicenseValidityDays: number | null,
): Record<string, Record<string, string>> {
  const environment: Record<string, Record<string, string>> = {};
  const set = (operationId: string, name: string, value: string) => {
    environment[operationId] = { ...environment[operationId], [name]: value };
  };
  for (const [key, value] of Object.entries(minimums) as [keyof MinimumRemainingValidity, number][]) {
    set(UPLOAD_OPERATION_OF[key], MINIMUM_VALIDITY_ENV[key], String(value));
  }
  if (selfRegisteredActivation) set(certificateRoutes.uploadPartnerCertificate.operationId, SELF_REGISTERED_ACTIVATION_ENV, selfRegisteredActivation);
  if (apiKeysPerPolicyMax !== null) for (const operationId of KEY_CAP_OPERATIONS) set(operationId, API_KEYS_PER_POLICY_MAX_ENV, String(apiKeysPerPolicyMax));
  if (mispLicenseValidityDays !== null) {
    for (const operationId of LICENSE_VALIDITY_OPERATIONS) set(operationId, MISP_LICENSE_VALIDITY_DAYS_ENV, String(mispLicenseValidityDays));
  }
  return environment;
}
