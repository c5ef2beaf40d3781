import assert from 'node:assert/strict';
import { PmsError } from '../../functions/errors/pms-error.js';

/** Awaits an operation that must be refused with a MOSIP error, and gives that error (code and message). */
export async function refusalOf(action: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error = await action.then(
    () => assert.fail('expected a refusal'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof PmsError, `expected a PmsError, got ${String(error)}`);
  return { code: error.code, message: error.errors[0]!.message };
}

/** The MOSIP code an operation is refused with. */
export async function refusal(action: Promise<unknown>): Promise<string> {
  return (await refusalOf(action)).code;
}

/** Runs a synchronous operation that must be refused with exactly one MOSIP error, and gives that error. */
export function refusalOfCall(action: () => unknown): { code: string; message: string } {
  try {
    action();
  } catch (error) {
    assert.ok(error instanceof PmsError, `expected a PmsError, got ${String(error)}`);
    assert.equal(error.errors.length, 1);
    return { code: error.errors[0]!.code, message: error.errors[0]!.message };
  }
  assert.fail('expected a refusal');
}
