/** Configuration comes only from environment variables, read when first needed. */
export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`environment variable ${name} is not set`);
  return value;
}

export function optionalEnv(name: string): string | undefined {
  return process.env[name] || undefined;
}

/** The whole numbers a setting accepts, and what they count (for the refusal). */
export interface WholeNumberRange {
  min: number;
  max: number;
  unit: string;
}

/**
 * A setting's text as a whole number within `range`; anything else (negative, fractional, not a number, out of
 * range) throws, naming the setting, so a bad deployment value stops the start instead of changing a rule.
 */
export function wholeNumberSetting(name: string, text: string, range: WholeNumberRange): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isInteger(value) || value < range.min || value > range.max) {
    throw new Error(`${name} must be a whole number of ${range.unit} from ${range.min} to ${range.max}, not ${text}`);
  }
  return value;
}

/** A whole number from an environment variable within `range`, `fallback` when unset or empty. */
export function wholeNumberFromEnv(name: string, fallback: number, range: WholeNumberRange, env: NodeJS.ProcessEnv = process.env): number {
  const configured = env[name];
  if (configured === undefined || configured === '') return fallback;
  return wholeNumberSetting(name, configured, range);
}

/** A whole number of days from 1 from an environment variable, `fallback` when unset; anything else stops the start. */
export function daysFromEnv(name: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  return wholeNumberFromEnv(name, fallback, { min: 1, max, unit: 'days' });
}
