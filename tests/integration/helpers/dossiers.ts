/** Dossiers the integration tests need as a starting point, made through the API like any other. */
import { api, type RequestOptions } from './api';

/** The applicant of the tests' land transfers: a citizen of Bình Thành commune. */
export const LAND_TRANSFER_APPLICANT = {
  name: 'Đỗ Văn Dũng',
  idNumber: '001088000222',
  phone: '0903000222',
  address: 'Xã Bình Thành',
} as const;

/** A land transfer (1.004227) received and accepted at the Bình Thành commune counter. */
export async function acceptedLandTransfer(options: Pick<RequestOptions, 'baseUrl' | 'token'> = {}) {
  const res = await api.post('/v1/dossiers', {
    as: options.token ? undefined : 'tiepnhan.binhthanh',
    ...options,
    body: {
      procedureCode: '1.004227',
      channel: 'counter',
      applicant: LAND_TRANSFER_APPLICANT,
      request: 'Đăng ký biến động do chuyển nhượng',
      decision: { outcome: 'accept' },
    },
  });
  expect(res.status).toBe(201);
  return res.body as { code: string; version: number; clockVersion: number };
}
