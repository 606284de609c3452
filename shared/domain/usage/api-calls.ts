/**
 * Which tenant and month an API call counts for, from its access log line (docs/usage.md):
 *
 * - a public route (`/v1/public/{tenant}/…`): the tenant in the path, an applicant's call;
 * - an operator route (`/v1/operator/…`): no tenant, the platform's own work;
 * - any other route: the tenant claim of the signed-in caller, an agency's system when its token
 *   names a client (client credentials), staff otherwise;
 * - a line without a route (no route matched) or without a tenant (refused by the authorizer, 401)
 *   counts for nobody, nor does a 429 API Gateway answered itself (a stage or route throttle: no
 *   integration was called). A 429 of the function's fair-share gate is a call, counted as a 4xx.
 *
 * The month is the call's in Vietnam's time. Pure: the reader (shared/usecases/api-calls.ts)
 * decodes the log, checks that the tenants exist and writes the counts.
 */
import { usageMonth } from './count';
import type { UsageIncrements } from './figures';

/** The fields of a line this needs, as the access log writes them (`-` when missing). */
export interface ApiCallLine {
  path: string;
  routeKey: string;
  status: string;
  tenant: string;
  clientId: string;
  requestTimeEpoch: string;
  /** The function's status; `-` when API Gateway answered without calling it. */
  integrationStatus: string;
}

export interface ApiCall {
  tenant: string;
  month: string;
  increments: UsageIncrements;
}

const MISSING = '-';
const PUBLIC_PATH = /^\/v1\/public\/([^/]+)(?:\/|$)/;
const OPERATOR_PATH = /^\/v1\/operator(?:\/|$)/;
/** The tenant ids the API accepts (shared/api/schemas/common.ts): anything else is nobody's. */
const TENANT_ID = /^[a-z][a-z0-9-]{1,30}$/;

const present = (value: string | undefined): value is string =>
  value !== undefined && value !== '' && value !== MISSING;

/** The call's tenant, month and counters; undefined when it counts for no tenant. */
export function apiCallOf(line: ApiCallLine): ApiCall | undefined {
  if (!present(line.routeKey) || line.routeKey === '$default') return undefined;
  const at = Number(line.requestTimeEpoch);
  if (!Number.isFinite(at)) return undefined;
  if (OPERATOR_PATH.test(line.path)) return undefined;
  if (line.status === '429' && !present(line.integrationStatus)) return undefined;
  const publicTenant = PUBLIC_PATH.exec(line.path)?.[1];
  let tenant: string;
  let caller: UsageIncrements;
  if (publicTenant !== undefined) {
    tenant = decodeURIComponent(publicTenant);
    caller = { apiCallsPublic: 1 };
  } else if (present(line.tenant)) {
    tenant = line.tenant;
    caller = present(line.clientId) ? { apiCallsAgencySystem: 1 } : { apiCallsStaff: 1 };
  } else return undefined;
  if (!TENANT_ID.test(tenant)) return undefined;
  const status = Number(line.status);
  return {
    tenant,
    month: usageMonth(new Date(at)),
    increments: {
      apiCalls: 1,
      ...caller,
      ...(status >= 400 && status < 500 ? { apiCallsClientErrors: 1 } : {}),
      ...(status >= 500 ? { apiCallsServerErrors: 1 } : {}),
    },
  };
}

/** The calls of a batch summed per tenant and month: tenant → month → increments. */
export function sumApiCalls(calls: readonly ApiCall[]): Map<string, Map<string, UsageIncrements>> {
  const out = new Map<string, Map<string, UsageIncrements>>();
  for (const { tenant, month, increments } of calls) {
    const months = out.get(tenant) ?? new Map<string, UsageIncrements>();
    const sum: UsageIncrements = { ...months.get(month) };
    for (const [counter, by] of Object.entries(increments) as [keyof UsageIncrements, number][])
      sum[counter] = (sum[counter] ?? 0) + by;
    months.set(month, sum);
    out.set(tenant, months);
  }
  return out;
}
