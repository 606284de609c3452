/** Which province file the offline cloud seeds and mints demo tokens from, and reading it. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ProvinceFile } from './seed';

/** The demo province the repository carries, next to this file. */
export const DEMO_PROVINCE_FILE = path.join(__dirname, 'demo-province.json');

/** `MOTCUA_PROVINCE_FILE` seeds another province; by default the embedded demo province. */
export function defaultProvinceFile(): string {
  return process.env.MOTCUA_PROVINCE_FILE || DEMO_PROVINCE_FILE;
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
