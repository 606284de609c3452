/** Which province file the offline cloud seeds and mints demo tokens from, and reading it. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ProvinceFile } from './seed';

/** The reference kit sits beside the repo: `<repo>/../shared/data/demo-province.json`. */
export function defaultProvinceFile(repoRoot: string): string {
  return (
    process.env.MOTCUA_PROVINCE_FILE || path.resolve(repoRoot, '..', 'shared', 'data', 'demo-province.json')
  );
}

export async function loadProvince(file: string): Promise<ProvinceFile> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new Error(
      `Cannot read the province file ${file} (set MOTCUA_PROVINCE_FILE): ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  const province = parsed as Partial<ProvinceFile>;
  // Only what the offline cloud itself relies on; the seed checks the rest.
  if (typeof province.tenant?.id !== 'string' || !Array.isArray(province.staff)) {
    throw new Error(`${file} is not a province file: it needs tenant.id and a staff list`);
  }
  return province as ProvinceFile;
}
