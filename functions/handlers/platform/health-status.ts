import { tableContext } from '../../adapters/dynamodb/client.js';
import { dynamoTableProbe } from '../../adapters/dynamodb/table-probe.js';
import { serviceHealth, type TableProbe } from '../../domain/health/service-health.js';
import { HttpReply } from '../../http/http-reply.js';
import { log } from '../../observability/logger.js';

let table: TableProbe | undefined;

/** Spring Boot actuator's answer: 200 `{"status":"UP"}` while the table answers, 503 `{"status":"DOWN"}` otherwise. */
export async function healthStatus(): Promise<HttpReply> {
  table ??= dynamoTableProbe(tableContext());
  const { status, cause } = await serviceHealth(table);
  if (cause) log('WARN', 'health: the table does not answer', { cause });
  return HttpReply.json(status === 'UP' ? 200 : 503, { status });
}
