/**
 * What the load sends: a counter submission accepted on the spot by a commune reception officer
 * (the body of tests/integration/reception.test.ts), and public tracking of dossiers that exist.
 */
import type { z } from 'zod';
import type { submitDossier } from '../shared/api/schemas/dossier';

/** The JSON a client sends (defaults not yet applied), as opposed to the parsed SubmitDossier. */
export type SubmitBody = z.input<typeof submitDossier>;

/** A demo reception officer of a commune (shared/data/demo-province.json). */
export const SUBMITTER = 'tiepnhan.binhthanh';

export const LAND_TRANSFER = {
  procedureCode: '1.004227',
  channel: 'counter',
  applicant: {
    name: 'Nguyễn Văn An',
    idNumber: '001099012345',
    phone: '0912345678',
    email: 'an.nguyen@example.vn',
    address: 'Thôn Đông, xã Bình Thành',
  },
  request: 'Đăng ký biến động do chuyển nhượng thửa đất số 125, tờ bản đồ số 7',
  documents: [
    { name: 'Đơn đăng ký biến động', kind: 'original' },
    { name: 'Hợp đồng chuyển nhượng có công chứng', kind: 'certifiedCopy', copies: 2 },
  ],
  decision: { outcome: 'accept' },
} as const satisfies SubmitBody;

export const SUBMIT_PATH = '/v1/dossiers';
export const trackPath = (tenant: string, code: string): string =>
  `/v1/public/${encodeURIComponent(tenant)}/dossiers/${encodeURIComponent(code)}`;

export const submitHeaders = (token: string): Record<string, string> => ({
  authorization: `Bearer ${token}`,
  'content-type': 'application/json',
});

/**
 * Submits `count` dossiers one by one and returns their codes: the dossiers track reads, and a
 * check that the request the load repeats is answered 201 before thousands are sent.
 */
export async function submitDossiers(baseUrl: string, token: string, count: number): Promise<string[]> {
  const codes: string[] = [];
  for (let i = 0; i < count; i++) {
    const res = await fetch(`${baseUrl}${SUBMIT_PATH}`, {
      method: 'POST',
      headers: submitHeaders(token),
      body: JSON.stringify(LAND_TRANSFER),
    });
    const body = (await res.json()) as { code?: string };
    if (res.status !== 201 || !body.code)
      throw new Error(`submit answered ${res.status}: ${JSON.stringify(body).slice(0, 500)}`);
    codes.push(body.code);
  }
  return codes;
}

/** Fails unless tracking `code` answers 200: the load must measure successes, not 404s. */
export async function checkTrack(baseUrl: string, tenant: string, code: string): Promise<void> {
  const res = await fetch(`${baseUrl}${trackPath(tenant, code)}`);
  if (res.status !== 200)
    throw new Error(`track of ${code} answered ${res.status}: ${(await res.text()).slice(0, 500)}`);
}
