/**
 * The audit log's period check runs even when a date is off its pattern (that issue does not
 * abort); it must answer the field's 400, never throw (a 500 for `?from=x`, found by comparing the
 * classic and zod/mini schemas on generated inputs, issue 14 §2).
 */
import { auditExportQuery, auditQuery } from '../../../shared/api/schemas/audit';
import { fieldErrorsFromZod } from '../../../shared/platform/problem';

describe.each([
  ['auditQuery', auditQuery],
  ['auditExportQuery', auditExportQuery],
])('%s', (_name, schema) => {
  it.each([
    [{ from: 'x', to: '2026-01-01' }, 'from'],
    [{ from: '2026-01-01', to: 'day' }, 'to'],
    [{ from: '2026-13-01', to: '2026-13-02' }, 'from'],
  ])('%j is refused on its own field, not thrown', (query, field) => {
    const result = schema.safeParse(query, { reportInput: true });
    expect(result.success).toBe(false);
    const errors = fieldErrorsFromZod(result.error!.issues, 'query');
    expect(errors.map((e) => e.field)).toContain(`query.${field}`);
    expect(errors.every((e) => e.rule !== 'custom' || !e.message.includes('no such date'))).toBe(true);
  });

  it('still refuses a day that does not exist', () => {
    const result = schema.safeParse({ from: '2026-02-30', to: '2026-03-01' });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['from', 'Ngày không có / no such date'],
    ]);
  });
});
