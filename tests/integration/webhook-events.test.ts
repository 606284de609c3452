/**
 * The webhook projection over what the running system really writes: a land transfer accepted at
 * the counter, handed on, paused and resumed through the API; its outbox items are read from
 * DynamoDB Local and each public one projects to an envelope its published schema accepts, in
 * the order its sequence gives, with the applicant only where the rule allows.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { api } from './helpers/api';
import { acceptedLandTransfer, LAND_TRANSFER_APPLICANT } from './helpers/dossiers';
import { sharedCloud } from './helpers/offline';
import type { Dossier } from '../../shared/domain/dossier/model';
import { DEADLINES_CHANGED } from '../../shared/domain/lifecycle/events';
import { WEBHOOK_EVENTS, type PublicEventType } from '../../shared/domain/webhooks/events';
import { webhookEvent, type OutboxItem } from '../../shared/domain/webhooks/project';

async function act(user: string, code: string, action: Record<string, unknown>) {
  const current = await api.get(`/v1/dossiers/${code}`, { as: user });
  expect(current.status).toBe(200);
  const res = await api.post(`/v1/dossiers/${code}/actions`, {
    as: user,
    body: { ...action, expectedVersion: current.body.version },
  });
  expect(res.status).toBe(200);
}

/** The dossier item's body and its outbox items, from the table itself. */
async function stored(code: string): Promise<{ dossier: Dossier; outbox: OutboxItem[] }> {
  const cloud = sharedCloud();
  const client = new DynamoDBClient({
    endpoint: cloud.endpoints.dynamodb,
    region: 'ap-southeast-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  try {
    const { Items = [] } = await DynamoDBDocumentClient.from(client).send(
      new QueryCommand({
        TableName: cloud.tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': `TENANT#${cloud.tenant}#DOSSIER#${code}` },
        ConsistentRead: true,
      }),
    );
    const dossier = Items.find((i) => i.SK === '#DOSSIER')?.body as Dossier;
    const outbox = Items.filter((i) => String(i.SK).startsWith('OUTBOX#')).map((i) => ({
      id: i.id as string,
      type: i.type as string,
      occurredAt: i.occurredAt as string,
      payload: i.payload as Record<string, unknown>,
    }));
    return { dossier, outbox };
  } finally {
    client.destroy();
  }
}

describe('webhook events from the outbox the system wrote', () => {
  it('project to valid envelopes, ordered by sequence, personal data by the rule', async () => {
    const { code } = await acceptedLandTransfer();
    await act('tiepnhan.binhthanh', code, { action: 'forward' });
    await act('chuyenvien.datdai', code, {
      action: 'requestSupplement',
      items: [{ document: 'Tờ khai', reason: 'Chưa ký' }],
      reason: 'Thiếu chữ ký',
    });
    await act('tiepnhan.binhthanh', code, { action: 'receiveSupplement' });

    const { dossier: sealed, outbox } = await stored(code);
    // The table holds the applicant's personal fields sealed (issue 11 §5); the fan-out projects
    // from the dossier opened, which is what staff of its agencies see through the API.
    expect(sealed.applicant.idNumber).toMatch(/^s1\./);
    expect(JSON.stringify(sealed)).not.toContain(LAND_TRANSFER_APPLICANT.idNumber);
    const shown = await api.get(`/v1/dossiers/${code}`, { as: 'tiepnhan.binhthanh' });
    expect(shown.status).toBe(200);
    const dossier: Dossier = { ...sealed, applicant: shown.body.applicant };
    expect(outbox.map((o) => o.type)).toContain(DEADLINES_CHANGED);
    const events = outbox.filter((o) => o.type !== DEADLINES_CHANGED);
    const landOffice = dossier.steps[1].agency;
    const envelopes = events.map((item) =>
      webhookEvent(item, { purpose: 'processing', receiverAgency: landOffice, dossier }),
    );
    for (const e of envelopes) {
      const parsed = WEBHOOK_EVENTS[e.type as PublicEventType].envelope.safeParse(e);
      expect(parsed.error).toBeUndefined();
      expect(parsed.data).toEqual(e);
      expect(e.data.applicant).toEqual({
        name: LAND_TRANSFER_APPLICANT.name,
        idNumber: LAND_TRANSFER_APPLICANT.idNumber,
      });
    }
    const ordered = [...envelopes].sort((a, b) => a.sequence - b.sequence);
    expect(ordered.map((e) => e.type)).toEqual([
      'dossier.submitted',
      'dossier.received',
      'dossier.forwarded',
      'dossier.paused',
      'dossier.resumed',
    ]);
    expect(new Set(envelopes.map((e) => e.id)).size).toBe(envelopes.length);

    for (const item of events) {
      const stats = webhookEvent(item, { purpose: 'statistics', receiverAgency: landOffice, dossier });
      expect(JSON.stringify(stats)).not.toContain(LAND_TRANSFER_APPLICANT.idNumber);
      expect(stats.data.actor).toBeUndefined();
      const elsewhere = webhookEvent(item, {
        purpose: 'processing',
        receiverAgency: '000.99.99.H99',
        dossier,
      });
      expect(elsewhere.data.applicant).toBeUndefined();
    }
  });
});
