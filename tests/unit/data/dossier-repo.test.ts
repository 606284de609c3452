/**
 * What the dossier repository puts in its transactions, read off the transaction items it hands to
 * dynamodb-toolbox's `execute` (replaced here: no DynamoDB). The outbox's times come from the
 * shared clock, so a frozen clock fixes them exactly.
 */
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import type { Dossier } from '../../../shared/domain/dossier/model';
import { createDossier, recordAlarm } from '../../../shared/data/dossier-repo';
import { clock } from '../../../shared/platform/clock';
import {
  deriveFieldKeys,
  idNumberHash,
  isSealed,
  openValue,
} from '../../../shared/domain/personal-data/seal';

jest.mock('dynamodb-toolbox/entity/actions/transactWrite', () => ({ execute: jest.fn() }));
const executed = jest.mocked(execute);
// The tenant's data key, fixed (no KMS, no table): what the dossier item is sealed with.
const KEYS = deriveFieldKeys(Buffer.alloc(32, 3), 1);
jest.mock('../../../shared/data/personal-data-keys', () => ({
  tenantKeys: jest.fn(async () => KEYS),
  keyRing: jest.fn(async () => ({ of: () => KEYS })),
}));

/** The items of the n-th transaction, as DynamoDB would receive them. */
const itemsOf = (n: number) =>
  (executed.mock.calls[n] as unknown as Array<{ params(): { Put: { Item: Record<string, unknown> } } }>).map(
    (t) => t.params().Put.Item,
  );
const outboxItems = (n: number) => itemsOf(n).filter((item) => String(item.SK).startsWith('OUTBOX#'));

const dossier = {
  tenant: 'qt',
  code: 'D1',
  status: 'received',
  receivingAgency: 'A',
  competentAgency: 'B',
  version: 0,
  currentStep: null,
  steps: [],
  applicant: {
    kind: 'citizen',
    name: 'Nguyễn Văn A',
    idNumber: '079123456789',
    phone: '0912345678',
    email: 'a@example.vn',
    address: '1 Lê Lợi, Quảng Trị',
  },
} as unknown as Dossier;

const WEEK_SECONDS = 7 * 24 * 3600;

describe('data/dossier-repo', () => {
  const frozenAt = new Date('2026-02-16T03:04:05.678Z'); // Tết: far from the wall clock
  beforeAll(() => {
    process.env.TABLE_NAME = 'unit'; // the transaction items' params name their table
  });
  beforeEach(() => {
    executed.mockReset();
    clock.setNow(frozenAt, { frozen: true });
  });
  afterAll(() => {
    clock.reset();
    delete process.env.TABLE_NAME;
  });

  it("dates every outbox event of a change at the shared clock's instant and expires it a week later", async () => {
    await createDossier(
      dossier,
      [],
      [
        { type: 'dossier.received', payload: { a: 1 } },
        { type: 'dossier.deadlines_changed', payload: {} },
      ],
    );
    const outbox = outboxItems(0);
    expect(outbox).toHaveLength(2);
    for (const item of outbox) {
      expect(item.occurredAt).toBe(frozenAt.toISOString());
      expect(item.expiresAt).toBe(Math.floor(frozenAt.getTime() / 1000) + WEEK_SECONDS);
      expect(String(item.SK)).toMatch(new RegExp(`^OUTBOX#${frozenAt.toISOString()}#${item.type}#`));
    }
    expect(outbox[0]?.payload).toEqual({ tenant: 'qt', code: 'D1', version: 0, a: 1 });
  });

  it("seals the applicant's ID number, phone, e-mail and address in the dossier item, with the ID number's keyed hash", async () => {
    await createDossier(dossier, [], []);
    const item = itemsOf(0).find((i) => i.SK === '#DOSSIER') as { body: Dossier; idHash: string };
    const stored = item.body.applicant;
    for (const field of ['idNumber', 'phone', 'email', 'address'] as const) {
      expect(isSealed(stored[field])).toBe(true);
      expect(JSON.stringify(item)).not.toContain(String(dossier.applicant[field]));
      expect(
        openValue(KEYS, { tenant: 'qt', record: 'D1', field: `applicant.${field}` }, String(stored[field])),
      ).toBe(dossier.applicant[field]);
    }
    expect(stored.name).toBe('Nguyễn Văn A');
    expect(item.idHash).toBe(idNumberHash(KEYS, '079123456789'));
  });

  it('dates a fired alarm at its firing instant and expires its outbox event a week after it', async () => {
    const firedAt = '2026-02-16T10:04:05+07:00';
    await recordAlarm(
      'qt',
      'D1',
      { id: 'due#0', type: 'dossier.overdue', dueAt: firedAt, payload: {} },
      firedAt,
    );
    const [outbox] = outboxItems(0);
    expect(outbox).toMatchObject({ SK: 'OUTBOX#alarm#due#0', occurredAt: firedAt });
    expect(outbox?.expiresAt).toBe(Math.floor(Date.parse(firedAt) / 1000) + WEEK_SECONDS);
  });
});
