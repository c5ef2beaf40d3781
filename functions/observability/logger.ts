import { Logger } from '@aws-lambda-powertools/logger';

/**
 * Every function's logger: one JSON line per event (Powertools). Callers pass only identifiers and codes: never
 * bodies, headers, tokens, keys or personal data. The level comes from POWERTOOLS_LOG_LEVEL (or LOG_LEVEL), debug
 * sampling from POWERTOOLS_LOGGER_SAMPLE_RATE; PMS_LOG_LEVEL=SILENT (tests, the quiet local stack) silences it.
 */
export const logger = new Logger({
  serviceName: process.env.POWERTOOLS_SERVICE_NAME || 'pms',
  ...(process.env.PMS_LOG_LEVEL === 'SILENT' ? { logLevel: 'SILENT' as const } : {}),
});

type Level = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';

export function log(level: Level, message: string, fields: Record<string, string | number | boolean | undefined> = {}): void {
  if (level === 'DEBUG') logger.debug(message, fields);
  else if (level === 'INFO') logger.info(message, fields);
  else if (level === 'WARN') logger.warn(message, fields);
  else logger.error(message, fields);
}
