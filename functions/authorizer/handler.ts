import type { APIGatewayRequestAuthorizerEventV2, APIGatewaySimpleAuthorizerWithContextResult } from 'aws-lambda';
import { parseIssuers } from '../auth/issuers.js';
import { type AuthorizerContext, toAuthorizerContext } from '../auth/principal.js';
import { extractToken } from '../auth/token-source.js';
import { createTokenVerifier, type TokenVerifier } from '../auth/token-verifier.js';
import { count } from '../observability/metrics.js';
import { observedHandler } from '../observability/observed-handler.js';

let verifier: TokenVerifier | undefined;

/**
 * HTTP API REQUEST authorizer. It verifies the token and hands the verdict to the function instead of denying at
 * the gateway: API Gateway HTTP APIs cannot shape their own 401/403 bodies, and MOSIP clients expect
 * KER-ATH-401 / KER-ATH-403 envelopes, which the function's route check produces (docs/security.md).
 */
export const handler = observedHandler(
  async (event: APIGatewayRequestAuthorizerEventV2): Promise<APIGatewaySimpleAuthorizerWithContextResult<AuthorizerContext>> => {
    verifier ??= createTokenVerifier(parseIssuers(process.env.PMS_TOKEN_ISSUERS));
    const token = extractToken(event.headers ?? {}, event.cookies ?? []);
    const principal = token ? await verifier(token) : undefined;
    // Tokens that do not verify: a spike is a misconfigured issuer or someone trying forged tokens.
    count('tokensVerified', principal ? 1 : 0);
    count('tokensRefused', token && !principal ? 1 : 0);
    return { isAuthorized: true, context: toAuthorizerContext(principal) };
  },
);
