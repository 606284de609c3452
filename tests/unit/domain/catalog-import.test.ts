/**
 * Catalog import, the pure part: heading matching, each column's accepted forms, the reasons a
 * line is rejected with, the default plan and the canonical comparison behind "unchanged".
 */
import { procedure as procedureSchema } from '../../../shared/api/schemas/catalog';
import { defaultSteps } from '../../../shared/domain/catalog/default-steps';
import { cellsOf, columnsOf, headingForm } from '../../../shared/domain/catalog/import-layout';
import {
  parseAgencyLine,
  parseDate,
  parseDocuments,
  parseFee,
  parseLevel,
  parseOnline,
  parseProcedureLine,
  parseTime,
} from '../../../shared/domain/catalog/import-rows';
import type { ProcedureTime } from '../../../shared/domain/catalog/model';
import { canonicalJson } from '../../../shared/domain/catalog/versions';
import { demoAgencies } from '../../fixtures/demo-province';

const agencies = [...demoAgencies.values()];
const value = <T>(p: { ok: true; value: T } | { ok: false; reason: string }) => (p.ok ? p.value : p.reason);

describe('domain/catalog import layout', () => {
  it('matches headings whatever their case, tone marks, punctuation or spacing', () => {
    expect(headingForm('  MÃ THỦ TỤC ')).toBe('ma thu tuc');
    expect(headingForm('Phí,  lệ phí')).toBe(headingForm('phi le phi'));
    const columns = columnsOf('procedures', [
      'STT',
      'mã thủ tục',
      'TÊN THỦ TỤC',
      'Lĩnh vực',
      'Cấp thực hiện',
      'Cơ quan thực hiện',
      'Thời hạn giải quyết',
      'Phi, le phi',
      'Thành phần hồ sơ',
      'Mức độ DVC',
    ]);
    expect(columns.missing).toEqual([]);
    expect(columns.ignored).toEqual(['STT']);
    expect(columns.indexOf).toMatchObject({ code: 1, name: 2, fee: 7, online: 9 });
    expect(cellsOf(columns, ['1', ' 1.000001 ', 'Tên', '', 'Cấp Tỉnh'])).toEqual({
      code: '1.000001',
      name: 'Tên',
      level: 'Cấp Tỉnh',
    });
  });

  it('names the required headings a sheet lacks', () => {
    expect(columnsOf('agencies', ['Mã cơ quan', 'Tên cơ quan']).missing).toEqual(['Cấp']);
    expect(columnsOf('procedures', ['Mã thủ tục']).missing).toContain('Thời hạn giải quyết');
  });
});

describe('domain/catalog import: column forms', () => {
  it.each([
    ['15 ngày làm việc', { workingDays: 15 }],
    ['05 ngày', { workingDays: 5 }],
    ['0,5 ngày làm việc', { workingDays: 0.5 }],
    ['10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ', { workingDays: 10 }],
    ['04 giờ làm việc', { workingHours: 4 }],
    ['8 giờ', { workingHours: 8 }],
    ['Trong ngày', { sameDay: { cutoff: '15:00' } }],
    ['Ngay trong ngày làm việc', { sameDay: { cutoff: '15:00' } }],
  ])('time "%s"', (text, expected) => {
    expect(parseTime(text)).toEqual({ ok: true, value: expected });
  });
  it.each(['01 tháng', '30 ngày kể cả ngày nghỉ', 'Không quy định', '0 ngày', '400 ngày'])(
    'refuses the time "%s" with a reason',
    (text) => {
      const parsed = parseTime(text);
      expect(parsed.ok).toBe(false);
      expect(value(parsed)).toMatch(/ \/ /); // Vietnamese / English
    },
  );

  it.each([
    ['50.000 đồng/hồ sơ', { fee: 50000, feeUnit: 'dossier' }],
    ['100.000đ', { fee: 100000, feeUnit: 'dossier' }],
    ['1.500.000 đồng', { fee: 1500000, feeUnit: 'dossier' }],
    ['2.000 đồng/trang', { fee: 2000, feeUnit: 'page' }],
    ['5.000 đồng/bản', { fee: 5000, feeUnit: 'copy' }],
    ['50,000 VNĐ', { fee: 50000, feeUnit: 'dossier' }],
    ['200000', { fee: 200000, feeUnit: 'dossier' }],
    ['Không', { fee: 0, feeUnit: 'dossier' }],
    ['Miễn phí', { fee: 0, feeUnit: 'dossier' }],
    ['Không thu phí', { fee: 0, feeUnit: 'dossier' }],
  ])('fee "%s"', (text, expected) => {
    expect(parseFee(text)).toEqual({ ok: true, value: expected });
  });
  it.each(['Lệ phí 50.000 đồng; phí thẩm định 100.000 đồng', 'theo quy định', '50.000 USD'])(
    'refuses the fee "%s"',
    (text) => expect(parseFee(text).ok).toBe(false),
  );

  it('reads levels, and refuses the district level abolished on 01/7/2025', () => {
    expect(value(parseLevel('Cấp Tỉnh'))).toBe('province');
    expect(value(parseLevel('CẤP XÃ'))).toBe('commune');
    expect(value(parseLevel('xã'))).toBe('commune');
    expect(value(parseLevel('Cấp Huyện'))).toMatch(/01\/7\/2025/);
    expect(parseLevel('Cấp Bộ').ok).toBe(false);
  });

  it.each([
    ['Toàn trình', 'full'],
    ['DVC trực tuyến toàn trình', 'full'],
    ['Mức độ 4', 'full'],
    ['Một phần', 'partial'],
    ['Mức độ 3', 'partial'],
    ['Thông tin trực tuyến', 'none'],
    ['Không', 'none'],
  ])('online level "%s" → %s', (text, expected) => {
    expect(parseOnline(text)).toEqual({ ok: true, value: expected });
  });

  it('splits documents by line or semicolon and drops list marks', () => {
    expect(value(parseDocuments('- Tờ khai;\n+ Bản sao CCCD\n2. Giấy chứng sinh'))).toEqual([
      'Tờ khai',
      'Bản sao CCCD',
      'Giấy chứng sinh',
    ]);
    expect(value(parseDocuments(undefined))).toEqual([]);
  });

  it('reads dd/mm/yyyy and ISO dates, refusing impossible ones', () => {
    expect(value(parseDate('1/1/2027'))).toBe('2027-01-01');
    expect(value(parseDate('2027-03-15'))).toBe('2027-03-15');
    expect(parseDate('31/02/2027').ok).toBe(false);
    expect(parseDate('mai').ok).toBe(false);
  });
});

describe('domain/catalog import: lines', () => {
  const good = {
    code: '2.000488',
    name: 'Cấp Phiếu lý lịch tư pháp',
    field: 'Lý lịch tư pháp',
    level: 'Cấp Tỉnh',
    agency: 'Sở Tư pháp',
    time: '10 ngày làm việc',
    fee: '200.000 đồng/hồ sơ',
    documents: 'Tờ khai\nBản chụp căn cước',
    online: 'Toàn trình',
  };

  it('turns a good line into a procedure, naming the agency by its name in the tree', () => {
    expect(parseProcedureLine(good, agencies)).toEqual({
      ok: true,
      value: {
        code: '2.000488',
        name: 'Cấp Phiếu lý lịch tư pháp',
        field: 'Lý lịch tư pháp',
        level: 'province',
        competent: '000.05.20.H99',
        time: { workingDays: 10 },
        fee: 200000,
        feeUnit: 'dossier',
        online: 'full',
        documents: ['Tờ khai', 'Bản chụp căn cước'],
      },
    });
  });

  it('reads a commune procedure decided by "UBND cấp xã" as `commune`', () => {
    const line = parseProcedureLine({ ...good, level: 'Cấp Xã', agency: 'UBND cấp xã' }, agencies);
    expect(line.ok && line.value.competent).toBe('commune');
  });

  it('gives every reason of a bad line, not only the first', () => {
    const line = parseProcedureLine(
      { ...good, code: '2000488', agency: 'Sở Không Có', time: '1 tháng', fee: 'theo quy định' },
      agencies,
    );
    expect(line.ok).toBe(false);
    const reasons = line.ok ? [] : line.reasons;
    expect(reasons).toHaveLength(4);
    expect(reasons.join('\n')).toMatch(/mã thủ tục "2000488" sai dạng/);
    expect(reasons.join('\n')).toMatch(/không có cơ quan "Sở Không Có"/);
    expect(reasons.join('\n')).toMatch(/thời hạn "1 tháng"/);
    expect(reasons.join('\n')).toMatch(/phí "theo quy định"/);
  });

  it('reports a missing name, an unknown agency code and a missing time', () => {
    const line = parseProcedureLine(
      { ...good, name: ' ', agency: '000.99.99.H99', time: undefined },
      agencies,
    );
    expect(line.ok ? [] : line.reasons).toEqual([
      'thiếu tên thủ tục / no name',
      'không có cơ quan mã 000.99.99.H99 / unknown agency 000.99.99.H99',
      'thiếu thời hạn giải quyết / no time limit',
    ]);
  });

  it('parses an agency line and refuses a malformed one with its reasons', () => {
    expect(
      parseAgencyLine({
        code: '000.31.01.H99',
        name: 'UBND xã Mới',
        parent: '000.00.00.H99',
        level: 'Cấp Xã',
        receptionPoint: 'có',
      }),
    ).toEqual({
      ok: true,
      value: {
        code: '000.31.01.H99',
        name: 'UBND xã Mới',
        parent: '000.00.00.H99',
        level: 'commune',
        receptionPoint: true,
      },
    });
    const bad = parseAgencyLine({ code: '31.01', name: '', level: 'Cấp Huyện', receptionPoint: 'hmm' });
    expect(bad.ok ? [] : bad.reasons).toHaveLength(4);
  });
});

describe('domain/catalog import: default plan and canonical form', () => {
  it.each<[ProcedureTime, string]>([
    [{ workingDays: 15 }, '000.05.20.H99'],
    [{ workingDays: 3 }, '000.05.20.H99'],
    [{ workingDays: 1 }, 'commune'],
    [{ workingHours: 4 }, 'commune'],
    [{ workingHours: 2 }, '000.05.20.H99'],
    [{ sameDay: { cutoff: '15:00' } }, 'commune'],
  ])('plans %j at %s in steps adding up to the limit, valid for the catalog', (time, competent) => {
    const steps = defaultSteps(time, competent, agencies);
    const total = steps.reduce((s, x) => s + (x.days ?? (x.hours ?? 0) / 8), 0);
    const limit = time.workingDays ?? (time.workingHours ?? 8) / 8;
    expect(total).toBeCloseTo(limit);
    expect(steps[0]!.role).toBe('reception');
    const parsed = procedureSchema.safeParse({
      code: '1.000001',
      name: 'x',
      field: 'x',
      level: 'province',
      competent,
      time,
      fee: 0,
      online: 'none',
      documents: [],
      steps,
    });
    expect(parsed.error?.issues).toBeUndefined();
  });

  it('receives at the province centre when the competent department has no counter of its own', () => {
    expect(defaultSteps({ workingDays: 10 }, '000.05.20.H99', agencies)[0]!.agency).toBe('000.00.01.H99');
    expect(defaultSteps({ workingDays: 10 }, 'commune', agencies)[0]!.agency).toBeUndefined();
  });

  it('compares canonical forms: key order and undefined members do not count, values do', () => {
    expect(canonicalJson({ a: 1, b: { d: [1, 2], c: undefined } })).toBe(
      canonicalJson({ b: { d: [1, 2] }, a: 1 }),
    );
    expect(canonicalJson({ fee: 1 })).not.toBe(canonicalJson({ fee: 2 }));
    expect(canonicalJson({ d: [1, 2] })).not.toBe(canonicalJson({ d: [2, 1] }));
  });
});
