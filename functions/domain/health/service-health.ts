/** The statuses MOSIP's Spring actuator reports. */
export type HealthStatus = 'UP' | 'DOWN';

/** Reads the table once within a bounded time: resolves when it answered, rejects when it failed or took too long. */
export interface TableProbe {
  probe(): Promise<void>;
}

export interface ServiceHealth {
  status: HealthStatus;
  /** Why the table counts as down (an error name or code), for the log: the answer tells callers no more than Spring's. */
  cause?: string;
}

/** UP only while the table answers, as MOSIP's services are UP only while their database is. */
export async function serviceHealth(table: TableProbe): Promise<ServiceHealth> {
  try {
    await table.probe();
    return { status: 'UP' };
  } catch (error) {
    return { status: 'DOWN', cause: causeOf(error) };
  }
}

function causeOf(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.name : String(error);
}
