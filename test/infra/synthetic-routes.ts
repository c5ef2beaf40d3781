import type { Domain, HttpMethod, Route } from '../../functions/routes/route.js';
import { ROUTES } from '../../functions/routes/route-table.js';
import type { TableAccess } from '../../functions/routes/table-access.js';

const METHODS: HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
/** Cycled with a period prime to the methods', so every method meets every access (a writing GET, a reading POST). */
const ACCESSES: TableAccess[] = ['read', 'read-write', 'none'];

/**
 * A route table of `count` rows spread round-robin over `domains`, the size MOSIP's full API reaches (~120
 * operations). Entries point at real handler files: NodejsFunction checks the entry exists even when not bundling.
 */
export function syntheticRoutes(count: number, domains: readonly Domain[]): Route[] {
  return Array.from({ length: count }, (_, index) => {
    const path = `/synthetic/${index}/{id}`;
    const isPublic = index % 10 === 0;
    return {
      operationId: `syntheticOperation${index}`,
      summary: `Synthetic operation ${index}`,
      domain: domains[index % domains.length]!,
      service: 'partnermanager',
      method: METHODS[index % METHODS.length]!,
      path,
      fullPath: `/v1/partnermanager${path}`,
      // Public rows as in the route table: most touch no data, some (health checks) only probe it.
      tableAccess: isPublic ? (index % 20 === 0 ? 'none' : 'probe') : ACCESSES[index % ACCESSES.length]!,
      access: isPublic ? 'PUBLIC' : 'AUTHENTICATED',
      envelope: 'V1',
      entry: ROUTES[index % ROUTES.length]!.entry,
    };
  });
}
