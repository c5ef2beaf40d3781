import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { scheduledJobsAt } from '../functions/jobs/job-table.js';
import type { ScheduledJobDefinition } from '../functions/jobs/scheduled-job.js';
import type { Route } from '../functions/routes/route.js';
import {
  apiKeysPerPolicyMaxFromContext,
  identityFromContext,
  mailFromContext,
  minimumValidityFromContext,
  mispLicenseValidityDaysFromContext,
  selfRegisteredActivationFromContext,
} from './app-config.js';
import { esignetFromContext } from './esignet-deployment.js';
import { loginFromContext } from './login-context.js';
import { alarmEmailFromContext } from './monitoring.js';
import { PmsStack } from './pms-stack.js';
import { portalFromContext } from './portal-context.js';

export const PMS_STACK_NAME = 'Pms';

/**
 * Adds the PMS stack to an app, checked by cdk-nag AwsSolutions: `cdk synth` fails on any unacknowledged finding.
 * The route and job tables are the real ones unless a test synthesizes others.
 */
export function addPmsStack(app: App, tables: { routes?: readonly Route[]; jobs?: readonly ScheduledJobDefinition[] } = {}): PmsStack {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  const identity = identityFromContext(app.node);
  const portal = portalFromContext(app.node);
  return new PmsStack(app, PMS_STACK_NAME, {
    identity,
    login: loginFromContext(app.node, identity, portal !== null),
    portal,
    jobs: tables.jobs ?? scheduledJobsAt(app.node.tryGetContext('jobTimes')),
    mail: mailFromContext(app.node),
    minimumValidity: minimumValidityFromContext(app.node),
    selfRegisteredActivation: selfRegisteredActivationFromContext(app.node),
    apiKeysPerPolicyMax: apiKeysPerPolicyMaxFromContext(app.node),
    mispLicenseValidityDays: mispLicenseValidityDaysFromContext(app.node),
    esignet: esignetFromContext(app.node),
    alarmEmail: alarmEmailFromContext(app.node),
    description: 'MOSIP Partner Management System (serverless)',
    ...(tables.routes && { routes: tables.routes }),
  });
}
