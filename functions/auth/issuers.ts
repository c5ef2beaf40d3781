/**
 * Trusted token issuers. Deployed stacks set PMS_TOKEN_ISSUERS (JSON) from CDK context: the Cognito user pool
 * by default, or an existing Keycloak realm.
 */
export type IssuerConfig =
  | { flavor: 'keycloak'; issuer: string; audience: string; jwksUri?: string }
  | { flavor: 'cognito'; issuer: string; clientIds: string[]; jwksUri?: string };

export function jwksUriOf(config: IssuerConfig): string {
  if (config.jwksUri) return config.jwksUri;
  return config.flavor === 'keycloak' ? `${config.issuer}/protocol/openid-connect/certs` : `${config.issuer}/.well-known/jwks.json`;
}

export function parseIssuers(json: string | undefined): IssuerConfig[] {
  if (!json) throw new Error('PMS_TOKEN_ISSUERS is not set');
  const parsed: unknown = JSON.parse(json);
  if (!Array.isArray(parsed) || parsed.length === 0) throw new Error('PMS_TOKEN_ISSUERS must be a non-empty array');
  return parsed.map((entry, index) => {
    const e = entry as Record<string, unknown>;
    if (typeof e.issuer !== 'string' || !e.issuer.startsWith('http')) throw new Error(`issuer ${index}: bad issuer`);
    const jwksUri = typeof e.jwksUri === 'string' ? { jwksUri: e.jwksUri } : {};
    if (e.flavor === 'keycloak') {
      if (typeof e.audience !== 'string' || !e.audience || e.audience === 'account') {
        // Keycloak puts "account" in every token by default; accepting it would let other clients' tokens in.
        throw new Error(`issuer ${index}: keycloak needs an audience other than "account"`);
      }
      return { flavor: 'keycloak', issuer: e.issuer, audience: e.audience, ...jwksUri };
    }
    if (e.flavor === 'cognito') {
      const clientIds = e.clientIds;
      if (!Array.isArray(clientIds) || clientIds.length === 0 || !clientIds.every((c) => typeof c === 'string')) {
        throw new Error(`issuer ${index}: cognito needs clientIds`);
      }
      return { flavor: 'cognito', issuer: e.issuer, clientIds: clientIds as string[], ...jwksUri };
    }
    throw new Error(`issuer ${index}: flavor must be keycloak or cognito`);
  });
}
