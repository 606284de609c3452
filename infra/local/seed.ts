/** Loads a province (tenant, agencies, procedures, staff) into the table. Written next; signature fixed. */
export interface ProvinceFile {
  tenant: Record<string, unknown> & { id: string };
  agencies: Array<Record<string, unknown>>;
  procedures: Array<Record<string, unknown>>;
  staff: Array<{ username: string; agency: string; roles: string[] }>;
}
export async function seedProvince(_province: ProvinceFile): Promise<void> {
  throw new Error('seedProvince is being written');
}
