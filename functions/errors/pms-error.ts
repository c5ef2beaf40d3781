/** A MOSIP error code with its message, exactly as MOSIP sends them (typos included: clients match on them). */
export interface ErrorDefinition {
  readonly code: string;
  readonly message: string;
}

/** A business rule said no. Travels to the caller as HTTP 200 with `errors:[{errorCode,message}]`, as in MOSIP. */
export class PmsError extends Error {
  readonly errors: ErrorDefinition[];

  constructor(definition: ErrorDefinition, detail = '') {
    const message = definition.message + detail;
    super(message);
    this.name = 'PmsError';
    this.errors = [{ code: definition.code, message }];
  }

  static several(errors: ErrorDefinition[]): PmsError {
    const error = new PmsError(errors[0]!);
    error.errors.splice(0, 1, ...errors);
    return error;
  }

  get code(): string {
    return this.errors[0]!.code;
  }
}

/** The request does not match its schema. MOSIP answers HTTP 400 with PMS_COR_001 and the first field error. */
export class RequestValidationError extends Error {
  constructor(
    readonly constraint: string,
    readonly fieldPath: string,
    readonly httpStatus = 400,
  ) {
    super(`Invalid request parameter - ${constraint} :${fieldPath}`);
    this.name = 'RequestValidationError';
  }
}

/** Two writers raced for the same item; the loser's write was refused by a condition. */
export class ConcurrentModificationError extends Error {
  constructor(what: string) {
    super(`concurrent modification of ${what}`);
    this.name = 'ConcurrentModificationError';
  }
}

/** A uniqueness guard refused a write (the name, thumbprint or label is taken). */
export class UniqueConstraintError extends Error {
  constructor(readonly constraint: string) {
    super(`unique constraint ${constraint} violated`);
    this.name = 'UniqueConstraintError';
  }
}

/** Fills MOSIP's `%s` / `%d` placeholders, in order. */
export function withArguments(definition: ErrorDefinition, ...args: (string | number)[]): ErrorDefinition {
  let index = 0;
  return { code: definition.code, message: definition.message.replace(/%[sd]/g, () => String(args[index++] ?? '')) };
}

/** A write was refused because the partner is not active at that moment. */
export class InactivePartnerError extends Error {
  constructor(partnerId: string) {
    super(`partner ${partnerId} is not active`);
    this.name = 'InactivePartnerError';
  }
}

/** A write was refused because the parent policy group is missing or inactive at that moment. */
export class InactivePolicyGroupError extends Error {
  constructor(groupId: string) {
    super(`policy group ${groupId} is not active`);
    this.name = 'InactivePolicyGroupError';
  }
}

/** A partner already holds a pending or approved request for the policy. */
export class PolicyLinkTakenError extends Error {
  constructor(partnerId: string, policyId: string) {
    super(`partner ${partnerId} already has an open request for policy ${policyId}`);
    this.name = 'PolicyLinkTakenError';
  }
}

/** The policy is not activated at the moment of the write. */
export class InactivePolicyError extends Error {
  constructor(policyId: string) {
    super(`policy ${policyId} is not activated`);
    this.name = 'InactivePolicyError';
  }
}
