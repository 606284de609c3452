/**
 * Loads a province file (tenant, agency tree, catalog, staff) the way an operator and a tenant
 * admin would: the platform's operator account, then the tenant through the operator's use case
 * (registry, settings, first admin), then its settings, agencies and procedures through the admin
 * use cases, then its staff through the staff use case. Accounts land in the local user store
 * (infra/local/cognito-users.ts) with the demo password, so `npm run token` signs them in.
 *
 * Once: when the tenant exists already its catalog is left alone, so a restart keeps what admins
 * changed since; missing accounts (a data dir from before accounts were kept) are still created.
 */
import {
  agency as agencySchema,
  procedure as procedureSchema,
  tenantSettings,
} from '../../shared/api/schemas/catalog';
import { createTenant as createTenantSchema } from '../../shared/api/schemas/tenants';
import { PLATFORM_TENANT } from '../../shared/domain/tenants/tenant';
import { cognitoUserDirectory, UsernameTakenError } from '../../shared/data/user-directory';
import { ConflictError } from '../../shared/platform/errors';
import type { Principal } from '../../shared/platform/principal';
import { saveAgency, saveProcedure, saveTenantSettings } from '../../shared/usecases/catalog';
import { changeStaffAccount, createStaffAccount } from '../../shared/usecases/staff';
import { createTenant } from '../../shared/usecases/tenants';

export interface ProvinceFile {
  tenant: Record<string, unknown> & { id: string };
  agencies: Array<Record<string, unknown>>;
  procedures: Array<Record<string, unknown>>;
  staff: Array<{ username: string; agency: string; roles: string[]; name?: string; email?: string }>;
}

/** The platform operator's account offline (in AWS it is made once with the CLI: docs/deploy.md). */
export const LOCAL_OPERATOR = { username: 'operator', name: 'Đơn vị vận hành (demo)' } as const;

/**
 * The password of every seeded account offline (MOTCUA_DEMO_PASSWORD to change it): a demo, on a
 * machine's loopback, never a deployment.
 */
export const demoPassword = (): string => process.env.MOTCUA_DEMO_PASSWORD || 'Demo@MotCua2026';

/** The demo file has no agency level; a people's committee of a commune or ward is one. */
const COMMUNE_NAME = /^UBND (xã|phường|thị trấn|đặc khu) /i;
const demoEmail = (username: string) => `${username}@demo.motcua.invalid`;

export async function seedProvince(province: ProvinceFile): Promise<{ seeded: boolean }> {
  const tenant = province.tenant.id;
  const directory = cognitoUserDirectory;
  await ensureAccount(LOCAL_OPERATOR.username, async () => {
    await directory.create({
      username: LOCAL_OPERATOR.username,
      tenant: PLATFORM_TENANT,
      roles: ['operator'],
      email: demoEmail(LOCAL_OPERATOR.username),
      name: LOCAL_OPERATOR.name,
      temporaryPassword: demoPassword(),
    });
  });

  const settings = tenantSettings.parse(province.tenant);
  const staff = province.staff;
  const firstAdmin = staff.find((s) => s.roles.includes('tenantAdmin'));
  let fresh = true;
  try {
    await createTenant(
      { username: LOCAL_OPERATOR.username },
      createTenantSchema.parse({
        id: tenant,
        provinceCode: settings.provinceCode,
        name: settings.name,
        officeHours: settings.officeHours,
        workingWeekdays: settings.workingWeekdays,
        // A province in service, not one trying the platform out: a trial plan's 5 req/s would answer
        // the README's tour, run as one script, with 429s.
        plan: 'standard',
        contact: { name: 'Văn phòng UBND tỉnh (demo)', email: demoEmail(`vanphong.${tenant}`) },
        admin: {
          username: firstAdmin?.username,
          email: demoEmail(firstAdmin?.username ?? `${tenant}.quantri`),
          name: firstAdmin?.name ?? firstAdmin?.username,
        },
      }),
    );
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    fresh = false;
  }
  // Acting as the province's admin from here on.
  const admin: Principal = {
    subject: 'seed',
    username: firstAdmin?.username ?? 'seed',
    tenant,
    roles: ['tenantAdmin'],
  };
  if (fresh) {
    await saveTenantSettings(tenant, settings);
    for (const a of province.agencies)
      await saveAgency(
        tenant,
        agencySchema.parse({ level: COMMUNE_NAME.test(String(a.name)) ? 'commune' : 'province', ...a }),
      );
    for (const p of province.procedures) await saveProcedure(tenant, procedureSchema.parse(p));
  }
  for (const member of staff) {
    if (member === firstAdmin && fresh) {
      // Made by createTenant without an agency (a new province has none); the file gives one.
      await changeStaffAccount(admin, member.username, { agency: member.agency });
      await directory.setPassword(member.username, demoPassword());
      continue;
    }
    await ensureAccount(member.username, async () => {
      await createStaffAccount(admin, {
        username: member.username,
        name: member.name ?? member.username,
        email: member.email ?? demoEmail(member.username),
        agency: member.agency,
        roles: member.roles,
      });
    });
  }
  return { seeded: fresh };
}

/** Creates an account unless it exists, and gives a new one the demo password. */
async function ensureAccount(username: string, create: () => Promise<void>): Promise<void> {
  if (await cognitoUserDirectory.get(username)) return;
  try {
    await create();
  } catch (error) {
    if (error instanceof UsernameTakenError || error instanceof ConflictError) return;
    throw error;
  }
  await cognitoUserDirectory.setPassword(username, demoPassword());
}
