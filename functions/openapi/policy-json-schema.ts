import type { JsonSchema as PolicySchema } from '../domain/policies/policy-json/json-schema.js';
import { POLICY_JSON_SCHEMAS } from '../domain/policies/policy-json/validate-policy-json.js';
import type { PolicyType } from '../domain/policies/policy-types.js';

type OpenApiSchema = Record<string, unknown>;

const TUPLE = 'x-mosip-tuple-items';

/**
 * One of MOSIP's policy schemas (draft-04) in OpenAPI 3.0's dialect. The only difference that matters is the draft-04
 * tuple (`items` as a list: item i is checked against entry i, later items not at all), which OpenAPI 3.0 lacks:
 * such an array is documented with any items, and the tuple kept in the `x-mosip-tuple-items` extension.
 */
function openApiOf(schema: PolicySchema): OpenApiSchema {
  if (schema.type === 'object') {
    const { properties, ...rest } = schema;
    return properties === undefined
      ? { ...rest }
      : { ...rest, properties: Object.fromEntries(Object.entries(properties).map(([name, member]) => [name, openApiOf(member)])) };
  }
  if (schema.type === 'array') {
    const { items, ...rest } = schema;
    if (items === undefined) return { ...rest };
    if (isTuple(items)) {
      return {
        ...rest,
        items: {},
        [TUPLE]: items.map(openApiOf),
        description: `Item i is checked against entry i of ${TUPLE} (a draft-04 tuple); later items are not checked`,
      };
    }
    return { ...rest, items: openApiOf(items) };
  }
  return { ...schema };
}

function isTuple(items: PolicySchema | readonly PolicySchema[]): items is readonly PolicySchema[] {
  return Array.isArray(items);
}

/**
 * The documented schema of a policy's `policies` member: one of the schemas the operations check it with
 * (POLICY_JSON_SCHEMAS, MOSIP's `pmp.<type>.policy.schema`), each titled with the policy types that use it.
 */
export function policyJsonDocumentation(): OpenApiSchema {
  const typesBySchema = new Map<PolicySchema, PolicyType[]>();
  for (const [type, schema] of Object.entries(POLICY_JSON_SCHEMAS) as [PolicyType, PolicySchema][]) {
    typesBySchema.set(schema, [...(typesBySchema.get(schema) ?? []), type]);
  }
  return {
    description: "The policy itself, checked against the JSON schema of the policy's type (PMS_PV_* codes when it does not match)",
    anyOf: [...typesBySchema].map(([schema, types]) => ({ title: types.join(', '), ...openApiOf(schema) })),
  };
}
