/**
 * Loads a province file (tenant, agency tree, catalog, staff) into the table, once: when the
 * tenant already exists nothing is written, so a restart keeps what admins changed since.
 */
import {
  agency as agencySchema,
  procedure as procedureSchema,
  tenantSettings,
} from '../../shared/api/schemas/catalog';
import { getTenant, putAgency, putProcedure, putStaff, putTenant } from '../../shared/data/catalog-repo';

export interface ProvinceFile {
  tenant: Record<string, unknown> & { id: string };
  agencies: Array<Record<string, unknown>>;
  procedures: Array<Record<string, unknown>>;
  staff: Array<{ username: string; agency: string; roles: string[] }>;
}

/** The demo file has no agency level; a people's committee of a commune or ward is one. */
const COMMUNE_NAME = /^UBND (xã|phường|thị trấn|đặc khu) /i;

export async function seedProvince(province: ProvinceFile): Promise<{ seeded: boolean }> {
  const tenant = province.tenant.id;
  if (await getTenant(tenant)) return { seeded: false };
  const agencies = province.agencies.map((a) =>
    agencySchema.parse({ level: COMMUNE_NAME.test(String(a.name)) ? 'commune' : 'province', ...a }),
  );
  const procedures = province.procedures.map((p) => procedureSchema.parse(p));
  for (const a of agencies) await putAgency(tenant, a);
  await Promise.all(procedures.map((p) => putProcedure(tenant, p)));
  await Promise.all(province.staff.map((s) => putStaff(tenant, s)));
  // The tenant profile goes last: its presence means "seeded", so a crash mid-way seeds again.
  await putTenant(tenant, tenantSettings.parse(province.tenant));
  return { seeded: true };
}
