/**
 * The forms render from a bundle built the way CDK deploys getDossierForm (FUNCTION_BUNDLING,
 * mapped by bench/bundles.ts), where brotli's decoder is aliased to a stub that throws
 * (shared/forms/no-brotli.ts). The drawing code and the fixed inputs are bundled with the deployed
 * options, a fresh Node process imports the bundle and renders every form number the route serves,
 * and each PDF must be byte for byte the one the unbundled code renders here: if fontkit reached
 * brotli (a WOFF2 font), the stub would throw and the render would fail. The handler's own bundle
 * is checked to carry the stub and no byte of brotli.
 */
import { bundleAsDeployed, type DeployedBundles } from '../deployed-bundle';
import { buildForm, FORM_IDS, type FormId } from '../../../shared/domain/forms';
import { renderFormPdf } from '../../../shared/forms/render';
import { INPUT, REFUSED_INPUT } from '../../fixtures/forms/dossier';

const inputOf = (id: FormId) => (id === '03' ? REFUSED_INPUT : INPUT);
const STUB = 'shared/forms/no-brotli.ts';

/** Imports the bundle in a child Node process and renders every form: base64 PDFs by form id. */
const RENDER_ALL = `
const forms = await import(process.argv[1]);
const pdfs = {};
for (const id of forms.FORM_IDS) {
  const input = id === '03' ? forms.REFUSED_INPUT : forms.INPUT;
  pdfs[id] = Buffer.from(await forms.renderFormPdf(forms.buildForm(id, input), { author: 'Tỉnh Demo' })).toString('base64');
}
process.stdout.write(JSON.stringify(pdfs));
`;

describe("getDossierForm's deployed bundle", () => {
  let bundles: DeployedBundles;
  beforeAll(async () => {
    bundles = await bundleAsDeployed('getDossierForm', {
      name: 'forms',
      entry: 'tests/fixtures/forms/bundle-entry.ts',
    });
  }, 120_000);
  afterAll(() => bundles.dispose());

  it('holds the throwing stub in place of brotli, in the handler and the drawing code alike', () => {
    for (const entry of ['handler', 'forms']) {
      const inputs = bundles.inputsOf(entry);
      expect(inputs).toContain(STUB);
      expect(inputs.filter((input) => input.includes('node_modules/brotli/'))).toEqual([]);
      expect(inputs.some((input) => input.includes('node_modules/fontkit/'))).toBe(true);
    }
  });

  it('renders every form, byte for byte what the unbundled code renders', async () => {
    const bundled = JSON.parse(bundles.run(RENDER_ALL, 'forms')) as Record<string, string>;
    expect(Object.keys(bundled)).toEqual([...FORM_IDS]);
    for (const id of FORM_IDS) {
      const expected = Buffer.from(await renderFormPdf(buildForm(id, inputOf(id)), { author: 'Tỉnh Demo' }));
      expect(Buffer.from(bundled[id] as string, 'base64').equals(expected)).toBe(true);
    }
  }, 120_000);

  it('has a stub that fails loudly if fontkit ever asks it to decompress', async () => {
    const { default: stub } = await import('../../../shared/forms/no-brotli');
    expect(() => stub()).toThrow(/brotli is aliased out .*TrueType fonts only/);
  });
});
