/**
 * The forms route's contract: `{form}` is one whole path segment (`01.pdf`), the 200 answer is
 * documented as a binary `application/pdf` body, and the handler answers bytes base64-encoded with
 * `isBase64Encoded`, as API Gateway wants a binary body from Lambda.
 */
import { buildOpenApiDocument } from '../../../shared/api/openapi';
import { routeById } from '../../../shared/api/routes';
import { formIdOf, formParams } from '../../../shared/api/schemas/forms';

const route = routeById('getDossierForm');
const code = '000.30.01.H99-261201-0007';

describe('GET /v1/dossiers/{code}/forms/{form}', () => {
  it('takes 01.pdf … 06.pdf and ban-giao.pdf, and nothing else', () => {
    for (const form of ['01.pdf', '02.pdf', '03.pdf', '04.pdf', '05.pdf', '06.pdf', 'ban-giao.pdf'])
      expect(formParams.safeParse({ code, form }).success).toBe(true);
    for (const form of ['07.pdf', '01', '01.PDF', '01.pdf.pdf', '../01.pdf', 'ban-giao'])
      expect([form, formParams.safeParse({ code, form }).success]).toEqual([form, false]);
    expect(formIdOf('ban-giao.pdf')).toBe('ban-giao');
    expect(formIdOf('01.pdf')).toBe('01');
  });

  it('documents the PDF as a binary body, and the 409 of a form that does not apply yet', () => {
    const operation = buildOpenApiDocument().paths[route.path]?.get as {
      responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
    };
    expect(operation.responses['200']?.content).toEqual({
      'application/pdf': { schema: expect.objectContaining({ type: 'string', format: 'binary' }) },
    });
    expect(Object.keys(operation.responses['409']?.content ?? {})).toEqual(['application/problem+json']);
  });

  it('is given the public base URL, only read access to the table (and appending its audit record), and the personal-data key', () => {
    expect(route.access).toEqual({ table: 'read', publicBaseUrl: true, personalData: true, audit: true });
  });
});
