/** The procedure's time limit in the catalog: working days, working hours, or the same day. */
import { buildOpenApiDocument } from '../../../shared/api/openapi';
import { procedure, procedureTime } from '../../../shared/api/schemas/catalog';
import { allowanceText } from '../../../shared/domain/dossier/labels';
import { procedureOf } from '../../fixtures/demo-province';

const birth = procedureOf('1.001193');

describe('catalog procedure time', () => {
  it('takes exactly one kind of limit, a same-day limit with a 15:00 cut-off by default', () => {
    expect(procedureTime.parse({ sameDay: {} })).toEqual({ sameDay: { cutoff: '15:00' } });
    expect(procedureTime.parse({ sameDay: { cutoff: '16:30' } })).toEqual({ sameDay: { cutoff: '16:30' } });
    expect(procedureTime.parse({ workingDays: 10 })).toEqual({ workingDays: 10 });
    expect(procedureTime.safeParse({}).success).toBe(false);
    expect(procedureTime.safeParse({ sameDay: {}, workingHours: 8 }).success).toBe(false);
    expect(procedureTime.safeParse({ sameDay: { cutoff: '3pm' } }).success).toBe(false);
  });

  it('plans a same-day procedure in hours that fit one working day', () => {
    const inDays = { ...birth, steps: [{ name: 'Giải quyết', role: 'specialist', days: 1 }] };
    const tooLong = { ...birth, steps: [...birth.steps, { name: 'Lưu', role: 'reception', hours: 1 }] };
    expect(procedure.safeParse(birth).success).toBe(true);
    expect(procedure.safeParse(inDays).error?.issues.map((i) => i.path.join('.'))).toEqual(['steps.0.hours']);
    expect(procedure.safeParse(tooLong).error?.issues.map((i) => i.path.join('.'))).toEqual(['steps']);
  });

  it('is worded in Vietnamese on the receipt and described in the OpenAPI document', () => {
    expect(allowanceText(birth.time)).toBe(
      'Trong ngày tiếp nhận hồ sơ; nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo',
    );
    expect(allowanceText({ sameDay: { cutoff: '16:30' } })).toBe(
      'Trong ngày tiếp nhận hồ sơ; nhận sau 16 giờ 30 thì trả trong ngày làm việc tiếp theo',
    );
    expect(allowanceText({ workingDays: 10 })).toBe('10 ngày làm việc');
    // The procedure's time is the `ProcedureTime` component the procedure answer refers to.
    const schemas = buildOpenApiDocument().components.schemas as Record<string, unknown>;
    const time = schemas.ProcedureTime as {
      properties: { sameDay: { description: string; properties: { cutoff: { default: string } } } };
    };
    expect(time.properties.sameDay.description).toMatch(/^Trong ngày tiếp nhận hồ sơ/);
    expect(time.properties.sameDay.properties.cutoff.default).toBe('15:00');
  });
});
