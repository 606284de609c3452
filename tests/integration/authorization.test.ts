/**
 * Authorization answers that must not reveal more than the caller may know: a work queue only for
 * the caller's own roles, and a reception decision only for a counter that has a part in the dossier.
 */
import { randomUUID } from 'node:crypto';
import { api, newCitizenToken } from './helpers/api';

const PROBLEM = /^application\/problem\+json/;

describe('authorization (integration)', () => {
  describe('GET /v1/work-queue?role=', () => {
    it('answers 403 problem+json when a reception-only officer asks for the leader queue', async () => {
      const response = await api.get('/v1/work-queue?role=leader', { as: 'tiepnhan.tinh' });
      expect(response.status).toBe(403);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(response.body.detail).toContain('leader');
    });

    it('still serves the queue of a role the caller holds, and every held role without ?role=', async () => {
      const own = await api.get('/v1/work-queue?role=reception', { as: 'tiepnhan.tinh' });
      expect(own).toMatchObject({ status: 200, body: { roles: ['reception'] } });
      const all = await api.get('/v1/work-queue', { as: 'tiepnhan.binhthanh' });
      expect(all).toMatchObject({ status: 200, body: { roles: ['reception', 'specialist'] } });
      expect((await api.get('/v1/work-queue?role=leader', { as: 'tiepnhan.binhthanh' })).status).toBe(403);
    });

    it('lets a tenant admin, who oversees every agency, read any role’s queue', async () => {
      const response = await api.get('/v1/work-queue?role=leader&agency=000.30.01.H99', { as: 'quantri' });
      expect(response).toMatchObject({ status: 200, body: { roles: ['leader'] } });
    });
  });

  describe('POST /v1/dossiers/{code}/reception-decision by a counter with no part in the dossier', () => {
    it('answers 404, as every other route does, whether the dossier waits or was decided', async () => {
      // Received online at the provincial centre; Bình Thành commune has no part in it.
      const citizen = await newCitizenToken(`cccd-${randomUUID()}`, 'Lý Thị Hạnh');
      const submitted = await api.post('/v1/dossiers', {
        token: citizen,
        body: {
          procedureCode: '2.000488',
          channel: 'online',
          applicant: {
            name: 'Lý Thị Hạnh',
            idNumber: '001099000777',
            phone: '0987000777',
            address: 'Hà Nội',
          },
          request: 'Cấp Phiếu lý lịch tư pháp số 1',
        },
      });
      expect(submitted).toMatchObject({ status: 201, body: { receivingAgency: '000.00.01.H99' } });
      const code = submitted.body.code as string;
      const decide = (as: string) =>
        api.post(`/v1/dossiers/${code}/reception-decision`, {
          as,
          body: { outcome: 'accept', expectedVersion: submitted.body.version },
        });

      const waiting = await decide('tiepnhan.binhthanh');
      expect(waiting.status).toBe(404);
      expect(waiting.headers['content-type']).toMatch(PROBLEM);

      expect((await decide('tiepnhan.tinh')).status).toBe(200);
      const decided = await decide('tiepnhan.binhthanh');
      expect(decided.status).toBe(404);
      expect(JSON.stringify(decided.body)).not.toMatch(/received|already-decided/);
      // The receiving counter still learns that it already decided.
      expect((await decide('tiepnhan.tinh')).status).toBe(409);
    });
  });
});
