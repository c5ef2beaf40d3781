/** Configuration comes only from environment variables, read when first needed. */
export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`environment variable ${name} is not set`);
  return value;
}

export function optionalEnv(name: string): string | undefined {
  return process.env[name] || undefined;
}

/** A whole number of days from an environment variable, `fallback` when unset; anything else stops the start. */
export function daysFromEnv(name: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const configured = process.env[name];
  if (configured === undefined || configured === '') return fallback;
  const days = Number(configured);
  if (!Number.isInteger(days) || days <= 0 || days > max) throw new Error(`${name} must be a whole number of days from 1 to ${max}, not ${configured}`);
  return days;
}
