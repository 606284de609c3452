/** The audit log's pure parts: day partitions, positions, filters, the period rule and the CSV. */
import {
  auditCsv,
  auditDay,
  auditPosition,
  auditReason,
  AUDIT_POSITION_PATTERN,
  csvCell,
  dayOfPosition,
  daysNewestFirst,
  daySpan,
  isAuditedReader,
  latestPurgeBefore,
  requirePurgeBefore,
  matches,
  MAX_AUDIT_DAYS,
  vnDateTime,
  type AuditRecord,
} from '../../../shared/domain/audit';
import { auditQuery } from '../../../shared/api/schemas/audit';

const record = (over: Partial<AuditRecord> = {}): AuditRecord => ({
  tenant: 'demo',
  at: '2026-12-01T17:30:00.000Z',
  id: '01KBE3Q0000000000000000000',
  actor: {
    subject: 's1',
    username: 'chuyenvien.datdai',
    roles: ['specialist'],
    tenant: 'demo',
    agency: '000.08.21.H99',
  },
  action: 'personalData.read',
  dossier: '000.30.01.H99-261201-0001',
  route: 'getDossier',
  requestId: 'req-1',
  ...over,
});

describe('partitions and positions', () => {
  it('partitions by the Vietnamese day: 17:30 UTC is already the next day in Hà Nội', () => {
    expect(auditDay(new Date('2026-12-01T16:59:59.999Z'))).toBe('2026-12-01');
    expect(auditDay(new Date('2026-12-01T17:00:00.000Z'))).toBe('2026-12-02');
  });

  it('a position is the UTC instant then the id, and names its day partition', () => {
    const position = auditPosition(record());
    expect(position).toMatch(AUDIT_POSITION_PATTERN);
    expect(dayOfPosition(position)).toBe('2026-12-02');
  });

  it('reads days newest first, at most 92 of them, never reversed', () => {
    expect(daysNewestFirst('2026-02-27', '2026-03-02')).toEqual([
      '2026-03-02',
      '2026-03-01',
      '2026-02-28',
      '2026-02-27',
    ]);
    expect(daySpan('2026-01-01', '2026-04-02')).toBe(MAX_AUDIT_DAYS);
    expect(daySpan('2026-01-01', '2026-04-03')).toBeUndefined();
    expect(daySpan('2026-03-02', '2026-03-01')).toBeUndefined();
    expect(daysNewestFirst('2026-03-02', '2026-03-01')).toEqual([]);
  });
});

describe('filters', () => {
  it('each filter narrows; none keeps everything', () => {
    const r = record();
    expect(matches(r, {})).toBe(true);
    expect(matches(r, { actor: 'chuyenvien.datdai' })).toBe(true);
    expect(matches(r, { actor: 'lanhdao.datdai' })).toBe(false);
    expect(matches(r, { dossier: '000.30.01.H99-261201-0001', action: 'personalData.read' })).toBe(true);
    expect(matches(r, { dossier: '000.30.01.H99-261201-0002' })).toBe(false);
    expect(matches(r, { action: 'role.change' })).toBe(false);
  });

  it('the query refuses reversed, too long and impossible periods', () => {
    const ok = auditQuery.safeParse({ from: '2026-01-01', to: '2026-04-02' });
    expect(ok.success).toBe(true);
    expect(auditQuery.safeParse({ from: '2026-01-01', to: '2026-04-03' }).success).toBe(false);
    expect(auditQuery.safeParse({ from: '2026-03-02', to: '2026-03-01' }).success).toBe(false);
    expect(auditQuery.safeParse({ from: '2026-02-30', to: '2026-03-01' }).success).toBe(false);
    expect(auditQuery.safeParse({ from: '2026-03-01', to: '2026-03-01', action: 'nope' }).success).toBe(
      false,
    );
  });
});

describe('who is audited, and the reason kept', () => {
  it('staff and agency systems are; a citizen reading their own dossier is not', () => {
    expect(isAuditedReader({ kind: 'staff' })).toBe(true);
    expect(isAuditedReader({ kind: 'citizen' })).toBe(false);
  });

  it('keeps one line of at most 200 characters of the reason', () => {
    expect(auditReason('  Giải quyết khiếu nại\nsố 12 ')).toBe('Giải quyết khiếu nại số 12');
    expect(auditReason('x'.repeat(300))).toHaveLength(200);
    expect(auditReason('   ')).toBeUndefined();
    expect(auditReason(encodeURIComponent('Khiếu nại số 12'))).toBe('Khiếu nại số 12');
    expect(auditReason('100% sure')).toBe('100% sure');
    expect(auditReason(undefined)).toBeUndefined();
  });
});

describe('CSV for Excel', () => {
  it('starts with a BOM, has Vietnamese headers, CRLF lines and Hà Nội times dd/mm/yyyy HH:mm', () => {
    const csv = auditCsv([record(), record({ action: 'role.change', dossier: undefined, target: 'a.b' })]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toMatch(/^Thời điểm,Người thực hiện,Vai trò,/);
    expect(lines[1]).toMatch(/^02\/12\/2026 00:30,chuyenvien\.datdai,specialist,000\.08\.21\.H99,/);
    expect(lines[1]).toContain('Xem dữ liệu cá nhân');
    expect(lines[2]).toContain('Đổi vai trò / cơ quan');
    expect(lines).toHaveLength(4); // header, two rows, the empty string after the last CRLF
    expect(lines[3]).toBe('');
    expect(vnDateTime(new Date('2026-12-31T23:05:00Z'))).toBe('01/01/2027 06:05');
  });

  it('quotes separators and quotes, and defuses formulas (CSV injection)', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+84912')).toBe("'+84912");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('Nguyễn')).toBe('Nguyễn');
  });
});

describe('retention', () => {
  it('the purge may name only days older than two years', () => {
    const now = new Date('2026-12-01T03:00:00Z');
    expect(latestPurgeBefore(now)).toBe('2024-12-01');
    expect(() => requirePurgeBefore('2024-12-01', now)).not.toThrow();
    expect(() => requirePurgeBefore('2024-12-02', now)).toThrow(/retention/);
    expect(() => requirePurgeBefore('yesterday', now)).toThrow(/retention/);
  });
});
