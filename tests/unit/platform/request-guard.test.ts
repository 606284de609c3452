import { actOnDossierContract } from '../../../shared/api/contracts/actOnDossier';
import { actOnDossierMeta } from '../../../shared/api/route-meta/actOnDossier';
import { createAttachmentContract } from '../../../shared/api/contracts/createAttachment';
import { createAttachmentMeta } from '../../../shared/api/route-meta/createAttachment';
import { submitDossierContract } from '../../../shared/api/contracts/submitDossier';
import { submitDossierMeta } from '../../../shared/api/route-meta/submitDossier';
import { trackDossierContract } from '../../../shared/api/contracts/trackDossier';
import { trackDossierMeta } from '../../../shared/api/route-meta/trackDossier';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import fc from 'fast-check';
import { CLAIMS } from '../../../shared/platform/claims';
import { httpHandler } from '../../../shared/platform/http';
import {
  bodyBytes,
  invalidTextErrors,
  jsonDepth,
  MAX_BODY_BYTES,
  MAX_JSON_DEPTH,
} from '../../../shared/platform/request-guard';

/** Depth as JSON.parse would see it; the test's own recursion is fine at these sizes. */
const depthOf = (v: unknown): number =>
  v !== null && typeof v === 'object'
    ? 1 + Math.max(0, ...Object.values(v as Record<string, unknown>).map(depthOf))
    : 0;

const nested = (levels: number, open = '[', close = ']') => open.repeat(levels) + close.repeat(levels);

describe('platform/request-guard', () => {
  describe('jsonDepth', () => {
    it('equals the nesting of any JSON value', () => {
      fc.assert(
        fc.property(fc.jsonValue({ maxDepth: 8 }), (v) => {
          expect(jsonDepth(JSON.stringify(v), 100)).toBe(depthOf(v));
        }),
      );
    });

    it('does not count brackets inside strings, escaped quotes included', () => {
      expect(jsonDepth('{"a":"[[[{{{\\"[[[","b":[1]}', 10)).toBe(2);
      expect(jsonDepth('"\\\\"', 10)).toBe(0);
    });

    it('stops just past the limit, on a million levels, without recursing', () => {
      expect(jsonDepth(nested(1_000_000), MAX_JSON_DEPTH)).toBe(MAX_JSON_DEPTH + 1);
      expect(jsonDepth(nested(MAX_JSON_DEPTH, '{"a":', '}'), MAX_JSON_DEPTH)).toBe(MAX_JSON_DEPTH);
    });
  });

  describe('bodyBytes', () => {
    it('counts UTF-8 bytes of text and decoded bytes of base64, without decoding', () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
          const buffer = Buffer.from(bytes);
          expect(bodyBytes(buffer.toString('base64'), true)).toBe(buffer.length);
        }),
      );
      expect(bodyBytes('Đ', false)).toBe(2);
    });
  });

  describe('invalidTextErrors', () => {
    it('names each string or key with a lone surrogate or a control character', () => {
      const body = { ok: 'Nguyễn 😀\n', a: ['x', 'a\ud800.pdf'], b: { c: 'nul\u0000' }, 'k\udc00': 1 };
      expect(
        invalidTextErrors(body, 'body')
          .map((e) => [e.field, e.rule])
          .sort(),
      ).toEqual([
        ['body.<key>', 'invalid_format'],
        ['body.a.1', 'invalid_format'],
        ['body.b.c', 'invalid_format'],
      ]);
    });

    it('walks a structure a hundred thousand levels deep without recursing, and reports at most 20', () => {
      let deep: unknown = 'bad\u0001';
      for (let i = 0; i < 100_000; i += 1) deep = [deep];
      expect(invalidTextErrors(deep, 'body')).toHaveLength(1);
      expect(invalidTextErrors(Array(1000).fill('\u0000'), 'body')).toHaveLength(20);
    });
  });

  describe('httpHandler with the guard', () => {
    // Any body: these tests are about what happens before the use case, not what it answers.
    const useCase: jest.Mock = jest.fn(async () => ({ status: 201, body: { ok: true } }));
    const submit = httpHandler(submitDossierMeta, submitDossierContract, useCase);
    const act = httpHandler(actOnDossierMeta, actOnDossierContract, useCase);
    const track = httpHandler(trackDossierMeta, trackDossierContract, useCase);
    const attach = httpHandler(createAttachmentMeta, createAttachmentContract, useCase);
    const context = { getRemainingTimeInMillis: () => 30_000 } as unknown as Context;
    const claims = {
      [CLAIMS.subject]: 'u-1',
      [CLAIMS.username]: 'tiepnhan.binhthanh',
      [CLAIMS.tenant]: 'demo',
      [CLAIMS.agency]: '000.30.01.H99',
      [CLAIMS.roles]: 'reception,leader',
      [CLAIMS.tokenUse]: 'id',
    };
    const event = (over: Partial<APIGatewayProxyEventV2> & { headers?: Record<string, string> }) =>
      ({
        version: '2.0',
        rawPath: '/v1/x',
        rawQueryString: '',
        isBase64Encoded: false,
        requestContext: { requestId: 'r-1', authorizer: { jwt: { claims, scopes: null } } },
        ...over,
        headers: { 'content-type': 'application/json', ...over.headers },
      }) as unknown as APIGatewayProxyEventV2;
    const problemOf = (response: unknown) => {
      const r = response as { statusCode: number; headers: Record<string, string>; body: string };
      expect(r.headers['content-type']).toBe('application/problem+json');
      const body = JSON.parse(r.body) as { errors?: Array<{ field: string; rule: string }> };
      return { status: r.statusCode, errors: (body.errors ?? []).map((e) => [e.field, e.rule]) };
    };
    const validSubmit = {
      procedureCode: '1.004227',
      channel: 'counter',
      applicant: { name: 'An', idNumber: '001088000222', phone: '0903000222', address: 'X' },
      request: 'r',
    };

    beforeEach(() => useCase.mockClear());

    it('refuses a body nested 5,000 deep with an Idempotency-Key before parsing or hashing it (400)', async () => {
      const body = JSON.stringify({ ...validSubmit, x: 0 }).replace('0}', `${nested(5000)}}`);
      const response = await submit(
        event({ body, headers: { 'idempotency-key': 'deep-key-0001' } }),
        context,
      );
      expect(problemOf(response)).toEqual({ status: 400, errors: [['body', 'too_deep']] });
      expect(useCase).not.toHaveBeenCalled();
    });

    it(`refuses a body over ${MAX_BODY_BYTES} bytes, text or base64 (413)`, async () => {
      const huge = JSON.stringify({ ...validSubmit, x: 'a'.repeat(MAX_BODY_BYTES) });
      expect(problemOf(await submit(event({ body: huge }), context))).toEqual({
        status: 413,
        errors: [['body', 'too_big']],
      });
      const base64 = Buffer.from(huge).toString('base64');
      expect(problemOf(await submit(event({ body: base64, isBase64Encoded: true }), context)).status).toBe(
        413,
      );
      expect(useCase).not.toHaveBeenCalled();
    });

    it('refuses a malformed Idempotency-Key naming the header (400)', async () => {
      for (const key of ['short', 'has space in it', 'x'.repeat(129), '']) {
        const response = await submit(
          event({ body: JSON.stringify(validSubmit), headers: { 'idempotency-key': key } }),
          context,
        );
        expect(problemOf(response).errors[0]?.[0]).toBe('headers.idempotency-key');
      }
      expect(useCase).not.toHaveBeenCalled();
    });

    it('refuses a lone surrogate in a file name, and in a field the schema would drop (400)', async () => {
      const code = { code: '000.30.01.H99-261125-0001' };
      const file = '{"fileName":"a\\ud800.pdf","contentType":"application/pdf","size":10}';
      expect(problemOf(await attach(event({ body: file, pathParameters: code }), context))).toEqual({
        status: 400,
        errors: [['body.fileName', 'invalid_format']],
      });
      const extra = JSON.stringify({ ...validSubmit, extra: 'nul\u0000' });
      expect(problemOf(await submit(event({ body: extra }), context)).errors).toEqual([
        ['body.extra', 'invalid_format'],
      ]);
      expect(useCase).not.toHaveBeenCalled();
    });

    it('refuses an apology dated 2999, outside the calendar, naming the field (400)', async () => {
      const body = JSON.stringify({
        action: 'apologize',
        reason: 'x',
        newAppointmentAt: '2999-01-04T09:00:00+07:00',
        expectedVersion: 1,
      });
      const response = await act(
        event({ body, pathParameters: { code: '000.30.01.H99-261125-0001' } }),
        context,
      );
      expect(problemOf(response)).toEqual({
        status: 400,
        errors: [['body.newAppointmentAt', 'invalid_format']],
      });
    });

    it('refuses a 2,000-digit dossier code on the public tracking route (400)', async () => {
      const code = `000.30.01.H99-261125-${'1'.repeat(2000)}`;
      const response = await track(event({ pathParameters: { tenant: 'demo', code } }), context);
      expect(problemOf(response)).toEqual({ status: 400, errors: [['params.code', 'too_big']] });
      expect(useCase).not.toHaveBeenCalled();
    });

    it('passes a valid request through to the use case', async () => {
      const response = await submit(event({ body: JSON.stringify(validSubmit) }), context);
      expect(response).toMatchObject({ statusCode: 201 });
      expect(useCase).toHaveBeenCalledTimes(1);
    });
  });
});
