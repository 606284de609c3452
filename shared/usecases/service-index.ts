/**
 * The service index of a period (issue 12 §4): the period's report totals, the catalog's counts,
 * the inputs the province entered and its settings, handed to the pure computation
 * (shared/domain/reports/service-index.ts). Province-wide, so for the tenant's administrator and
 * auditors; only the administrator enters inputs.
 */
import type * as z from 'zod/mini';
import type {
  serviceIndexInputsBody,
  serviceIndexInputsView,
  serviceIndexQuery,
  serviceIndexView,
} from '../api/schemas/service-index';
import { getTenant, listProcedures } from '../data/catalog-reads';
import { getServiceIndexInputs, putServiceIndexInputs } from '../data/service-index-repo';
import {
  computeServiceIndex,
  SERVICE_INDEX_GROUPS,
  SERVICE_INDEX_INDICATORS,
  totalsByPeriod,
  zeroFigures,
  type CatalogCounts,
} from '../domain/reports';
import { clock } from '../platform/clock';
import type { Principal } from '../platform/principal';
import { reportRows } from './reports';

type Query = z.output<typeof serviceIndexQuery>;

/** Procedures in force at the period's end… approximated by the catalog in force today. */
async function catalogCounts(tenant: string): Promise<CatalogCounts> {
  const procedures = await listProcedures(tenant);
  return {
    procedures: procedures.length,
    proceduresFullyOnline: procedures.filter((p) => p.online === 'full').length,
  };
}

export async function getServiceIndex(
  principal: Principal,
  query: Query,
): Promise<z.input<typeof serviceIndexView>> {
  const [{ rows, readUnits }, stored, catalog, settings] = await Promise.all([
    reportRows(principal.tenant, { period: query.period, from: query.from, to: query.from }),
    getServiceIndexInputs(principal.tenant, query.period, query.from),
    catalogCounts(principal.tenant),
    getTenant(principal.tenant),
  ]);
  const figures = totalsByPeriod(rows).get(query.from) ?? zeroFigures();
  const indexSettings = settings?.serviceIndex ?? {};
  const index = computeServiceIndex(figures, stored?.inputs ?? {}, catalog, indexSettings);
  return {
    period: query.period,
    from: query.from,
    total: index.total,
    max: index.max,
    groups: index.groups.map((g) => ({
      group: g.group,
      name: SERVICE_INDEX_GROUPS[g.group].vi,
      max: g.max,
      points: g.points,
      indicators: g.indicators.map((i) => ({
        key: i.key,
        name: SERVICE_INDEX_INDICATORS[i.key].vi,
        max: i.max,
        ratio: i.ratio,
        target: i.target,
        points: i.points,
        approximate: i.approximate,
        missing: i.missing,
      })),
    })),
    figures,
    catalog,
    inputs: stored ?? null,
    settings: indexSettings,
    readUnits,
  };
}

export async function putServiceIndexInputsFor(
  principal: Principal,
  body: z.output<typeof serviceIndexInputsBody>,
): Promise<z.input<typeof serviceIndexInputsView>> {
  const stored = {
    period: body.period,
    from: body.from,
    inputs: body.inputs,
    source: {
      ...body.source,
      enteredBy: principal.username,
      enteredAt: clock.now().toISOString(),
    },
  };
  await putServiceIndexInputs(principal.tenant, stored);
  return stored;
}
