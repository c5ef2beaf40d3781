/**
 * One JSON line per event. Callers pass only identifiers and codes: never bodies, headers, tokens or keys.
 */
type Level = 'INFO' | 'WARN' | 'ERROR';

export function log(level: Level, message: string, fields: Record<string, string | number | boolean | undefined> = {}): void {
  if (process.env.PMS_LOG_LEVEL === 'SILENT') return;
  const line = JSON.stringify({ level, message, timestamp: new Date().toISOString(), ...fields });
  if (level === 'ERROR') console.error(line);
  else console.log(line);
}
