/** The sample policies live beside the route table's examples, which show them in the OpenAPI documents. */
export { AUTH_POLICY, DATA_SHARE_POLICY } from '../../functions/openapi/request-examples.js';
