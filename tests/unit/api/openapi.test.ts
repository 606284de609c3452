import { buildOpenApiDocument } from '../../../shared/api/openapi';
import { IDEMPOTENCY_KEY_PATTERN } from '../../../shared/platform/idempotency';

/* eslint-disable @typescript-eslint/no-explicit-any -- a JSON document, navigated by hand */
describe('api/openapi', () => {
  const doc = buildOpenApiDocument() as any;

  it('states the bounds of path parameters, so clients know a code’s length before sending it', () => {
    const params = doc.paths['/v1/public/{tenant}/dossiers/{code}'].get.parameters;
    const code = params.find((p: any) => p.name === 'code');
    expect(code.schema).toMatchObject({ type: 'string', maxLength: 29 });
    expect(code.schema.pattern).toContain('\\d{4,8}');
  });

  it('states the Idempotency-Key pattern the API enforces', () => {
    const key = doc.paths['/v1/dossiers'].post.parameters.find((p: any) => p.name === 'Idempotency-Key');
    expect(key.schema).toMatchObject({ maxLength: 128, pattern: IDEMPOTENCY_KEY_PATTERN.source });
  });

  it('states the text rule and the date range of body fields', () => {
    const body = doc.paths['/v1/dossiers/{code}/attachments'].post.requestBody.content['application/json'];
    expect(body.schema.properties.fileName).toMatchObject({ maxLength: 255 });
    const apology = doc.paths['/v1/dossiers/{code}/actions'].post.requestBody.content[
      'application/json'
    ].schema.oneOf.find((o: any) => o.properties.action.const === 'apologize');
    expect(JSON.stringify(apology.properties.newAppointmentAt)).toContain('2100');
  });

  it('lists 413 and 415 on every operation that takes a body, and only there', () => {
    for (const ops of Object.values(doc.paths) as any[]) {
      for (const op of Object.values(ops) as any[]) {
        expect([op.operationId, '413' in op.responses]).toEqual([op.operationId, 'requestBody' in op]);
      }
    }
  });
});
