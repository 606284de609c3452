import * as z from 'zod/mini';
import { AppError } from '../../../shared/platform/errors';
import { fieldErrorsFromZod } from '../../../shared/platform/problem';
import { validatePart } from '../../../shared/platform/request-guard';

const schema = z.object({
  channel: z.enum(['counter', 'online']),
  name: z.string().check(z.minLength(1, 'tên / name')),
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

  describe('validatePart without a locale (zod/mini installs none; classic zod installs English)', () => {
    // The global locale is what classic zod's import sets; zod/mini alone leaves it empty.
    const installed = z.config().localeError;
    beforeAll(() => z.config({ localeError: undefined }));
    afterAll(() => z.config({ localeError: installed }));

    const fieldsOf = (schema: z.core.$ZodType, value: unknown) => {
      try {
        validatePart(schema, value, 'query');
      } catch (e) {
        if (e instanceof AppError) return e.errors;
        throw e;
      }
      throw new Error('expected a failure');
    };

    it('words a pattern with no message of ours as classic zod did', () => {
      expect(z.config().localeError).toBeUndefined();
      const id = z.object({ id: z.string().check(z.regex(/^\w+$/)) });
      expect(fieldsOf(id, { id: 'a b' })).toEqual([
        { field: 'query.id', rule: 'invalid_format', message: 'Invalid string: must match pattern /^\\w+$/' },
      ]);
    });
    it('keeps our own messages and the generic bilingual ones', () => {
      expect(fieldsOf(schema, { channel: 'fax', name: '', kind: 'a' })).toEqual([
        {
          field: 'query.channel',
          rule: 'invalid_value',
          message: 'giá trị không được phép / value not allowed',
        },
        { field: 'query.name', rule: 'too_small', message: 'tên / name' },
      ]);
    });
  });
});
