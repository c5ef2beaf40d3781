import * as z from 'zod/mini';
import { queryValue } from './list-query.js';

/** `GET /login/{redirectURI}`: the portal's state, when it sends no cookie. */
export const loginQuery = z.object({ state: queryValue });

/** What the provider sends back (RFC 6749 §4.1.2): a code, or an error; Keycloak adds session_state and iss. */
export const loginRedirectQuery = z.object({ state: queryValue, code: queryValue, error: queryValue, session_state: queryValue, iss: queryValue });

/** `GET /logout/user`: where to go after, base64 (MOSIP requires it; its absence is answered like a URL not allowed). */
export const logoutQuery = z.object({ redirecturi: queryValue });
