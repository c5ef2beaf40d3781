import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoginUse } from '../../functions/auth/login-settings.js';
import type { Domain, Route } from '../../functions/routes/route.js';
import { KEYCLOAK_CONTEXT } from './identity-context.js';
import { syntheticRoutes } from './synthetic-routes.js';

export const LOGIN_SECRET_ARN = 'arn:aws:secretsmanager:eu-central-1:123456789012:secret:pms/portal-login-Xy12Ab';
export const LOGIN_SECRET_KEY_ARN = 'arn:aws:kms:eu-central-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';

/** Keycloak with MOSIP's confidential portal client, its secret under a customer managed key. */
export const KEYCLOAK_LOGIN_CONTEXT = {
  ...KEYCLOAK_CONTEXT,
  login: {
    clientId: 'mosip-pmp-client',
    clientSecretArn: LOGIN_SECRET_ARN,
    clientSecretKeyArn: LOGIN_SECRET_KEY_ARN,
    allowedUrls: ['https://partners.example.org/**', 'https://admin.example.org/#/partnermanagement/dashboard'],
    publicUrl: 'https://partners.example.org',
    scope: 'openid profile email',
  },
};

/**
 * A route table with login rows as functions/routes/login-routes.ts declares them (one that exchanges codes, two that
 * do not, one of them behind the authorizer) spread over every domain, so over several nested stacks, beside 12
 * ordinary rows.
 */
export function routesWithLoginRows(): Route[] {
  const loginRow = (operationId: string, domain: Domain, path: string, login: LoginUse, access: Route['access'], entrySource: Route): Route => ({
    ...entrySource,
    operationId,
    summary: `Synthetic login row ${operationId}`,
    domain,
    method: 'GET',
    tableAccess: 'none',
    path,
    fullPath: `/v1/partnermanager${path}`,
    access,
    login,
  });
  const ordinary = syntheticRoutes(12, ['platform', 'policy', 'partner']);
  return [
    ...ordinary,
    loginRow('syntheticLogin', 'platform', '/login/{redirectURI+}', { clientSecret: false }, 'PUBLIC', ordinary[0]!),
    loginRow('syntheticLoginRedirect', 'policy', '/login-redirect/{redirectURI+}', { clientSecret: true }, 'PUBLIC', ordinary[1]!),
    loginRow('syntheticSignedInUser', 'partner', '/authorize/admin/validateToken', { clientSecret: false }, 'AUTHENTICATED', ordinary[2]!),
  ];
}

/** A throw-away portal build: index.html (as CRA builds it, no inline script) and a hashed bundle. */
export function portalBuildDirectory(indexHtml = '<!doctype html><html><head><script src="/env-config.js"></script></head><body></body></html>'): string {
  const directory = mkdtempSync(join(tmpdir(), 'portal-build-'));
  writeFileSync(join(directory, 'index.html'), indexHtml);
  mkdirSync(join(directory, 'static', 'js'), { recursive: true });
  writeFileSync(join(directory, 'static', 'js', 'main.1a2b3c4d.js'), 'console.log("portal");\n');
  return directory;
}
