/** Catalog use cases: public reads and tenant-admin writes. */
import type { Agency, Procedure, TenantSettings } from '../api/schemas/catalog';
import { searchProcedures, type CatalogQuery } from '../domain/catalog/search';
import { DomainRuleError } from '../domain/errors';
import {
  agenciesByCode,
  agencyPage,
  getProcedure,
  getProcedureRecord,
  listProcedures,
} from '../data/catalog-reads';
import { ProcedureChangedError, putAgency, putProcedureVersions, putTenant } from '../data/catalog-repo';
import { calendarForTenant } from './tenant-calendar';
import { requireTenantSettings } from './tenant';
import { NotFoundError } from '../platform/errors';
import { pageOf, type PageRequest } from './paging';
import { withVersion } from '../domain/catalog/versions';
import { clock } from '../platform/clock';

/** Two writes of one procedure at once: the later one is refused, to be retried on what the first wrote. */
export const procedureRace = (code: string) =>
  new DomainRuleError(
    409,
    'procedure-changed',
    'code',
    `Thủ tục ${code} vừa được sửa bởi người khác, hãy thử lại / procedure ${code} changed meanwhile: retry`,
  );

/**
 * The search runs over the whole catalog in memory (a province has hundreds of procedures, and
 * accent-insensitive matching is not a key condition), so a page is a slice of the matches, which
 * come in code order: the cursor is the last code handed out.
 */
export async function findProcedures(tenant: string, query: CatalogQuery & PageRequest) {
  const [, procedures] = await Promise.all([requireTenantSettings(tenant), listProcedures(tenant)]);
  const matches = searchProcedures(procedures, query);
  const after = query.cursor;
  // The comparison the search sorts with, so the slice starts exactly after the last code seen.
  const rest = after === undefined ? matches : matches.filter((p) => p.code.localeCompare(after) > 0);
  const page = pageOf('procedures', rest.slice(0, query.limit), rest.length > query.limit, (p) => p.code);
  return { ...page, count: matches.length };
}

export async function procedureByCode(tenant: string, code: string): Promise<Procedure> {
  const procedure = await getProcedure(tenant, code);
  if (!procedure) throw new NotFoundError(`Không có thủ tục ${code} / no procedure ${code}`);
  return procedure;
}

/** The agencies (each names its parent, so clients build the tree), in code order, a page at a time. */
export async function agencyTree(tenant: string, page: PageRequest) {
  const [, { items, more }] = await Promise.all([
    requireTenantSettings(tenant),
    agencyPage(tenant, { after: page.cursor, limit: page.limit }),
  ]);
  return pageOf('agencies', items, more, (a) => a.code);
}

/** A procedure may only name agencies the tenant has. */
export async function saveProcedure(tenant: string, procedure: Procedure): Promise<Procedure> {
  const agencies = await agenciesByCode(tenant);
  const named = [
    ...(procedure.competent === 'commune' ? [] : [{ code: procedure.competent, field: 'body.competent' }]),
    ...procedure.steps.flatMap((s, i) =>
      s.agency ? [{ code: s.agency, field: `body.steps.${i}.agency` }] : [],
    ),
  ];
  for (const { code, field } of named) {
    if (!agencies.has(code))
      throw new DomainRuleError(
        422,
        'unknown-agency',
        field,
        `Không có cơ quan ${code} / unknown agency ${code}`,
      );
  }
  // Effective now; a change already scheduled for a later date stays scheduled.
  const now = clock.now();
  const record = await getProcedureRecord(tenant, procedure.code);
  const versions = withVersion(record?.versions ?? [], {
    effectiveFrom: now.toISOString(),
    definition: procedure,
  });
  try {
    await putProcedureVersions(tenant, procedure.code, versions, record?.revision ?? 0, now);
  } catch (error) {
    if (error instanceof ProcedureChangedError) throw procedureRace(procedure.code);
    throw error;
  }
  return procedure;
}

/** An agency's parent must exist and must not be the agency itself or one of its descendants. */
export async function saveAgency(tenant: string, agency: Agency): Promise<Agency> {
  const agencies = await agenciesByCode(tenant);
  if (agency.parent !== null) {
    if (!agencies.has(agency.parent))
      throw new DomainRuleError(
        422,
        'unknown-parent',
        'body.parent',
        `Không có cơ quan cấp trên ${agency.parent} / unknown parent`,
      );
    for (
      let cursor: string | null = agency.parent;
      cursor !== null;
      cursor = agencies.get(cursor)?.parent ?? null
    ) {
      if (cursor === agency.code)
        throw new DomainRuleError(
          422,
          'cycle',
          'body.parent',
          'Cây cơ quan không được có vòng / the agency tree cannot have a cycle',
        );
    }
  }
  await putAgency(tenant, agency);
  return agency;
}

export async function tenantSettingsOf(tenant: string) {
  return { id: tenant, ...(await requireTenantSettings(tenant)) };
}

/**
 * Office hours, working week and calendar overrides are data a tenant admin keeps. They are
 * checked by building the calendar from them, so an impossible week is refused, not stored.
 */
export async function saveTenantSettings(tenant: string, settings: TenantSettings) {
  await tenantSettingsOf(tenant);
  try {
    calendarForTenant(settings).dueAt(new Date(), { workingDays: 1 });
  } catch (error) {
    throw new DomainRuleError(
      422,
      'invalid-calendar',
      'body',
      `Lịch làm việc không hợp lệ / invalid working calendar: ${(error as Error).message}`,
    );
  }
  await putTenant(tenant, settings);
  return { id: tenant, ...settings };
}
