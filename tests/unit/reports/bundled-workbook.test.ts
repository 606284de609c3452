/**
 * The .xlsx export writes from a bundle built the way CDK deploys exportReport (FUNCTION_BUNDLING,
 * mapped by bench/bundles.ts), where fast-csv, which exceljs loads only for `workbook.csv`, is
 * aliased to a stub that throws (shared/usecases/no-fast-csv.ts). A fresh Node process imports the
 * bundle and writes a workbook from fixed figures; every part of the file must equal the one the
 * unbundled code writes here, but for `dcterms:modified` (exceljs stamps the clock when the
 * workbook is made). The handler's own bundle is checked to carry the stub and no fast-csv.
 */
import JSZip from 'jszip';
import { bundleAsDeployed, type DeployedBundles } from '../deployed-bundle';
import { fixtureWorkbook } from '../../fixtures/reports/workbook-entry';

const STUB = 'shared/usecases/no-fast-csv.ts';

const WRITE = `
const { fixtureWorkbook } = await import(process.argv[1]);
process.stdout.write(Buffer.from(await fixtureWorkbook()).toString('base64'));
`;

/** Every part of an .xlsx as text, the modification stamp blanked. */
async function parts(xlsx: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(xlsx);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files).sort())
    out[name] = (await zip.files[name]!.async('string')).replace(
      /<dcterms:modified [^>]*>[^<]*<\/dcterms:modified>/,
      '<dcterms:modified/>',
    );
  return out;
}

describe("exportReport's deployed bundle", () => {
  let bundles: DeployedBundles;
  beforeAll(async () => {
    bundles = await bundleAsDeployed('exportReport', {
      name: 'workbook',
      entry: 'tests/fixtures/reports/workbook-entry.ts',
    });
  }, 120_000);
  afterAll(() => bundles.dispose());

  it('holds the throwing stub in place of fast-csv, in the handler and the drawing code alike', () => {
    for (const entry of ['handler', 'workbook']) {
      const inputs = bundles.inputsOf(entry);
      expect(inputs).toContain(STUB);
      expect(inputs.filter((input) => /node_modules\/(@fast-csv|fast-csv)\//.test(input))).toEqual([]);
      expect(inputs).toContain('node_modules/exceljs/lib/doc/workbook.js');
    }
  });

  it('writes the workbook the unbundled code writes, part for part', async () => {
    const bundled = await parts(Buffer.from(bundles.run(WRITE, 'workbook'), 'base64'));
    expect(Object.keys(bundled)).toContain('xl/worksheets/sheet3.xml');
    expect(bundled).toEqual(await parts(await fixtureWorkbook()));
  }, 120_000);

  it('has a stub that fails loudly if exceljs ever reads or writes CSV', async () => {
    const stub = await import('../../../shared/usecases/no-fast-csv');
    expect(() => stub.parse()).toThrow(/fast-csv is aliased out/);
    expect(() => stub.format()).toThrow(/fast-csv is aliased out/);
  });
});
