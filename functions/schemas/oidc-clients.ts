import * as z from 'zod/mini';
import { requiredText } from '../http/constraints.js';
import { boundedJson } from './bounded-json.js';
import { queryValue, sortAndPageQuery } from './list-query.js';

const notNull = (expected: string) => (issue: { input?: unknown }) =>
  issue.input === undefined || issue.input === null ? 'must not be null' : `must be ${expected}`;

/** Hibernate's @URL: java.net.URL accepts it (a protocol it knows, then the rest). */
function isJavaUrl(value: string): boolean {
  try {
    return ['http:', 'https:', 'ftp:', 'file:', 'jar:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** @NotBlank @URL @Size(max = 2048). */
const logoUri = requiredText(1, 2048, { size: 'size must be between 0 and 2048' }).check(z.refine(isJavaUrl, { error: 'must be a valid URL' }));

/** @NotNull @Size(min, max) List<String>, each item bounded (ours) and, with `notBlank`, @NotBlank. */
function textList(min: number, max: number, notBlank: boolean) {
  const item = notBlank
    ? requiredText(1, 2048)
    : z.string({ error: notNull('a string') }).check(z.maxLength(2048, { error: 'size must be between 0 and 2048' }));
  return z
    .array(item, { error: notNull('an array') })
    .check(z.minLength(min, { error: `size must be between ${min} and ${max}` }), z.maxLength(max, { error: `size must be between ${min} and ${max}` }));
}

/** @NotEmpty Map<String, @NotNull Object>: the public JWK (its members are checked by the operation, PMS_ESI_007). */
const publicKey = z
  .record(z.string(), boundedJson().check(z.refine((value) => value !== null, { error: 'must not be null' })), { error: notNull('an object') })
  .check(z.refine((jwk) => Object.keys(jwk).length > 0, { error: 'must not be empty' }));

/** @NotEmpty Map<@Size(min = 3, max = 3) String, @NotBlank String>: the client's name per language. */
const clientNameLangMap = z
  .record(z.string().check(z.length(3, { error: 'size must be between 3 and 3' })), requiredText(1, 256))
  .check(z.refine((map) => Object.keys(map).length > 0 && Object.keys(map).length <= 32, { error: 'must not be empty' }));

/** ClientDetailCreateRequest of the deprecated `POST /oidc/client`. */
export const oidcClientCreateRequest = z.object({
  name: requiredText(1, 256),
  policyId: requiredText(1, 36),
  publicKey,
  authPartnerId: requiredText(1, 100),
  logoUri,
  redirectUris: textList(1, 5, false),
  grantTypes: textList(1, 3, false),
  clientAuthMethods: textList(1, 3, false),
});

/** ClientDetailCreateRequestV2 of `POST /oauth/client`. */
export const oauthClientCreateRequest = z.object({ ...oidcClientCreateRequest.shape, clientNameLangMap });

/** ClientDetailUpdateRequest of the deprecated `PUT /oidc/client/{clientId}`. */
export const oidcClientUpdateRequest = z.object({
  logoUri,
  redirectUris: textList(1, 5, true),
  status: requiredText(1, 8).check(z.regex(/^(ACTIVE|INACTIVE)$/i, { error: 'must match "(ACTIVE)|(INACTIVE)"' })),
  grantTypes: textList(1, 3, false),
  clientName: requiredText(1, 256),
  clientAuthMethods: textList(1, 3, false),
});

/** ClientDetailUpdateRequestV2 of `PUT /oauth/client/{clientId}`. */
export const oauthClientUpdateRequest = z.object({ ...oidcClientUpdateRequest.shape, clientNameLangMap });

/** `GET /oauth/client`: paging, sorting and ClientFilterDto; all bound by the list itself. */
export const oidcClientListQuery = z.object({
  ...sortAndPageQuery,
  partnerId: queryValue,
  orgName: queryValue,
  policyGroupName: queryValue,
  policyName: queryValue,
  clientName: queryValue,
  status: queryValue,
});
export type OidcClientListQuery = z.output<typeof oidcClientListQuery>;
