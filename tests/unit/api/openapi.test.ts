import { buildOpenApiDocument } from '../../../shared/api/openapi';
import { IDEMPOTENCY_KEY_PATTERN } from '../../../shared/platform/idempotency';
import { PUBLIC_EVENT_TYPES, WEBHOOK_EVENTS } from '../../../shared/domain/webhooks/events';

/* eslint-disable @typescript-eslint/no-explicit-any -- a JSON document, navigated by hand */
describe('api/openapi', () => {
  const doc = buildOpenApiDocument() as any;
  /** A schema or the component its `$ref` names. */
  const deref = (schema: any): any =>
    schema.$ref ? doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')] : schema;

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
    expect(deref(body.schema).properties.fileName).toMatchObject({ maxLength: 255 });
    const apology = deref(
      doc.paths['/v1/dossiers/{code}/actions'].post.requestBody.content['application/json'].schema,
    ).oneOf.find((o: any) => o.properties.action.const === 'apologize');
    expect(JSON.stringify(apology.properties.newAppointmentAt)).toContain('2100');
  });

  it('lists 415 on every operation that takes a body, and only there; 413 on all (the size guard runs first)', () => {
    for (const ops of Object.values(doc.paths) as any[]) {
      for (const op of Object.values(ops) as any[]) {
        expect([op.operationId, '415' in op.responses]).toEqual([op.operationId, 'requestBody' in op]);
        expect([op.operationId, '413' in op.responses]).toEqual([op.operationId, true]);
      }
    }
  });

  it('names reused schemas once in components and refers to them', () => {
    const ok = doc.paths['/v1/dossiers/{code}'].get.responses['200'].content['application/json'];
    expect(ok.schema).toEqual({ $ref: '#/components/schemas/DossierView' });
    expect(deref(ok.schema).properties.applicant).toEqual({ $ref: '#/components/schemas/Applicant' });
    // The request form of a shared schema is its own component: defaults are optional there.
    const body = deref(doc.paths['/v1/dossiers'].post.requestBody.content['application/json'].schema);
    expect(body.properties.applicant).toEqual({ $ref: '#/components/schemas/ApplicantInput' });
    expect(doc.components.schemas.Applicant.required).toContain('kind');
    expect(doc.components.schemas.ApplicantInput.required).not.toContain('kind');
  });

  it('has a server, described tags covering every operation, and a description on each operation', () => {
    expect(doc.servers).toEqual([expect.objectContaining({ url: '/' })]);
    const tags = new Set(doc.tags.map((t: any) => t.name));
    for (const t of doc.tags) expect(t.description).toEqual(expect.any(String));
    for (const ops of Object.values(doc.paths) as any[]) {
      for (const op of Object.values(ops) as any[]) {
        expect(op.description).toEqual(expect.any(String));
        for (const tag of op.tags) expect(tags).toContain(tag);
      }
    }
  });

  it('documents the reused-key 422 and the in-progress 409 on idempotent routes, 401 on user routes, 429 everywhere', () => {
    const submit = doc.paths['/v1/dossiers'].post.responses;
    expect(Object.keys(submit)).toEqual(expect.arrayContaining(['401', '409', '413', '415', '422', '429']));
    expect(Object.keys(submit['401'].content)).toEqual(['application/problem+json', 'application/json']);
    const track = doc.paths['/v1/public/{tenant}/dossiers/{code}'].get.responses;
    expect(track['429']).toBeDefined();
    expect(track['422']).toBeUndefined();
  });

  it('publishes one webhook per public event type: its envelope, the Standard Webhooks headers, what answers mean', () => {
    expect(Object.keys(doc.webhooks).sort()).toEqual([...PUBLIC_EVENT_TYPES].sort());
    for (const type of PUBLIC_EVENT_TYPES) {
      const op = doc.webhooks[type].post;
      expect(op.parameters.map((p: any) => [p.name, p.in, p.required])).toEqual([
        ['webhook-id', 'header', true],
        ['webhook-timestamp', 'header', true],
        ['webhook-signature', 'header', true],
      ]);
      expect(Object.keys(op.responses).sort()).toEqual(['2XX', '410', 'default']);
      expect(op.summary).toContain(WEBHOOK_EVENTS[type].label.en);
      const body = op.requestBody.content['application/json'];
      const schema = deref(body.schema);
      expect(body.schema.$ref).toMatch(/Event$/);
      expect(schema.properties.type).toMatchObject({ const: type });
      expect(schema.properties.version).toMatchObject({ const: WEBHOOK_EVENTS[type].version });
      expect(schema.required).toEqual(expect.arrayContaining(['id', 'sequence', 'data']));
      // Open objects: a field added under the same version does not break a receiver's validator.
      expect(schema.additionalProperties).toBeUndefined();
      expect(WEBHOOK_EVENTS[type].envelope.safeParse(body.examples.example.value).success).toBe(true);
    }
  });
});
