/**
 * The generated OpenAPI document, linted with Spectral's `spectral:oas` ruleset (the recommended
 * OpenAPI rules, which include the OpenAPI 3.1 schema check `oas3-schema`: a document that is not
 * valid 3.1 is an error here). Zero errors and zero warnings; any override is listed below with
 * its reason.
 */
import { Document, Spectral, type ISpectralDiagnostic } from '@stoplight/spectral-core';
import { defined, truthy } from '@stoplight/spectral-functions';
import { Json } from '@stoplight/spectral-parsers';
import { oas } from '@stoplight/spectral-rulesets';
import { buildOpenApiDocument } from '../../../shared/api/openapi';

const SEVERITY = ['error', 'warning', 'info', 'hint'] as const;

async function lint(document: unknown): Promise<ISpectralDiagnostic[]> {
  const spectral = new Spectral();
  spectral.setRuleset({
    extends: [[oas as never, 'recommended']],
    rules: {
      // Override. `array-items` wants a truthy `items` beside every `type: array`. In OpenAPI 3.1
      // (JSON Schema 2020-12) a closed tuple — our `[from, to]` office hours — is written
      // `prefixItems: [...]` with `items: false`: false is the correct value, not a missing one.
      // The rule is replaced by the same check that accepts `items: false`.
      'array-items': 'off',
      'array-items-defined': {
        description: 'Schemas with "type: array" state their items ("items", false for a closed tuple)',
        severity: 'error',
        // The paths of the oas ruleset's `#ArrayProperties` alias for 3.1 (aliases are not shared).
        given: [
          '$..[?(@ && @.type=="array")]',
          '$..[?(@ && @.type && @.type.constructor.name === "Array" && @.type.includes("array"))]',
        ],
        then: { field: 'items', function: defined },
      },
      // Addition. The oas ruleset's operation rules read `paths` only; the `webhooks` section (one
      // entry per public event type) is held to the same: described, named, tagged, with a body.
      'webhook-operation-documented': {
        description: 'A webhook states its operationId, summary, description, tags, body and answers',
        severity: 'error',
        given: '$.webhooks[*][*]',
        then: ['operationId', 'summary', 'description', 'tags', 'requestBody', 'responses'].map((field) => ({
          field,
          function: truthy,
        })),
      },
    },
  });
  return spectral.run(new Document(JSON.stringify(document, null, 2), Json, 'openapi.json'));
}

const readable = (results: ISpectralDiagnostic[]) =>
  results.map((r) => `${SEVERITY[r.severity]} ${String(r.code)} at ${r.path.join('.')}: ${r.message}`);

describe('api/openapi lint (spectral:oas)', () => {
  it('has no errors and no warnings', async () => {
    const results = await lint(buildOpenApiDocument());
    expect(readable(results.filter((r) => r.severity <= 1))).toEqual([]);
  });

  it('can fail: an operation with an undefined tag and no description is reported', async () => {
    const doc = buildOpenApiDocument() as unknown as {
      paths: Record<string, Record<string, { tags: string[]; description?: string }>>;
    };
    const op = doc.paths['/v1/dossiers']!.post!;
    op.tags = ['nowhere'];
    delete op.description;
    const codes = (await lint(doc)).map((r) => r.code);
    expect(codes).toEqual(expect.arrayContaining(['operation-tag-defined', 'operation-description']));
  });

  it('can fail: an array schema that states no items is still an error', async () => {
    const doc = buildOpenApiDocument() as unknown as { components: { schemas: Record<string, unknown> } };
    doc.components.schemas.Problem = { type: 'array' };
    const errors = (await lint(doc)).filter((r) => r.severity === 0).map((r) => r.code);
    expect(errors).toContain('array-items-defined');
  });

  it('can fail: a schema that is not valid OpenAPI 3.1 is an error', async () => {
    const doc = buildOpenApiDocument() as unknown as { components: { schemas: Record<string, unknown> } };
    doc.components.schemas.Problem = { type: 'nosuchtype' };
    const errors = (await lint(doc)).filter((r) => r.severity === 0).map((r) => r.code);
    expect(errors).toContain('oas3-schema');
  });

  it('can fail: a webhook with no description, or a header parameter that is not valid 3.1, is an error', async () => {
    const doc = buildOpenApiDocument() as unknown as {
      webhooks: Record<string, { post: { description?: string; parameters: Array<{ in: string }> } }>;
    };
    delete doc.webhooks['dossier.received']!.post.description;
    doc.webhooks['step.overdue']!.post.parameters[0]!.in = 'nowhere';
    const errors = (await lint(doc)).filter((r) => r.severity === 0);
    expect(errors.map((r) => [r.code, r.path.slice(0, 2).join('.')])).toEqual(
      expect.arrayContaining([
        ['webhook-operation-documented', 'webhooks.dossier.received'],
        ['oas3-schema', 'webhooks.step.overdue'],
      ]),
    );
  });
});
