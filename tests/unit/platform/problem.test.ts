import * as z from 'zod';
import { fieldErrorsFromZod } from '../../../shared/platform/problem';

const schema = z.object({
  channel: z.enum(['counter', 'online']),
  name: z.string().min(1, 'tên / name'),
  kind: z.union([z.literal('a'), z.literal('b')]),
});
const errorsOf = (value: unknown) => {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) throw new Error('expected a failure');
  return fieldErrorsFromZod(result.error.issues, 'body');
};

describe('platform/problem', () => {
  describe('fieldErrorsFromZod', () => {
    it('calls every absent field "required", whatever its type', () => {
      expect(errorsOf({}).map((e) => [e.field, e.rule])).toEqual([
        ['body.channel', 'required'],
        ['body.name', 'required'],
        ['body.kind', 'required'],
      ]);
    });
    it('names the rule a present field broke, with our bilingual message', () => {
      const errors = errorsOf({ channel: 'fax', name: '', kind: 'a' });
      expect(errors).toEqual([
        {
          field: 'body.channel',
          rule: 'invalid_value',
          message: 'giá trị không được phép / value not allowed',
        },
        { field: 'body.name', rule: 'too_small', message: 'tên / name' },
      ]);
    });
    it('calls a field of the wrong type invalid_type', () => {
      expect(errorsOf({ channel: 'online', name: 5, kind: 'b' })).toEqual([
        { field: 'body.name', rule: 'invalid_type', message: 'sai kiểu dữ liệu / wrong type' },
      ]);
    });
  });
});
