/**
 * The PDFs themselves (poppler-utils needed: pdftoppm, pdftotext, pdffonts). For each form, from
 * fixed inputs: two renders are byte-identical; the page rendered at 50 dpi matches the committed
 * reference picture (tests/fixtures/forms/<form>.png) within a small tolerance; the text a reader
 * extracts holds the exact Vietnamese strings; the fonts are embedded subsets with Unicode maps;
 * and the QR code decodes to the dossier's tracking URL.
 *
 * After a deliberate change of layout: `UPDATE_FORM_REFERENCES=1 npx jest tests/unit/forms/pdf`
 * writes the new reference pictures; look at them before committing.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { buildForm, FORM_IDS, type FormId } from '../../../shared/domain/forms';
import { renderFormPdf } from '../../../shared/forms/render';
import { EVENTS, INPUT, REFUSED_INPUT, TRACKING_URL } from '../../fixtures/forms/dossier';
import { pagesAsPng, pdfFonts, pdfText, readQr } from '../../fixtures/forms/pdf-tools';

const REFERENCES = path.join(__dirname, '..', '..', 'fixtures', 'forms');
const UPDATE = process.env.UPDATE_FORM_REFERENCES === '1';
/** Share of pixels allowed to differ (anti-aliasing between poppler versions), per page. */
const TOLERANCE = 0.001;

const inputOf = (id: FormId) => (id === '03' ? REFUSED_INPUT : INPUT);
const render = (id: FormId) => renderFormPdf(buildForm(id, inputOf(id)), { author: 'Tỉnh Demo' });

/** The share of pixels that differ between two PNGs of the same size (1 when the sizes differ). */
function difference(actual: Buffer, expected: Buffer): number {
  const a = PNG.sync.read(actual);
  const b = PNG.sync.read(expected);
  if (a.width !== b.width || a.height !== b.height) return 1;
  const differing = pixelmatch(a.data, b.data, undefined, a.width, a.height, { threshold: 0.1 });
  return differing / (a.width * a.height);
}

describe.each(FORM_IDS.map((id) => [id]))('form %s as PDF', (id) => {
  let pdf: Uint8Array;
  beforeAll(async () => {
    pdf = await render(id);
  });

  it('is the same bytes every time for the same inputs', async () => {
    expect(Buffer.from(await render(id)).equals(Buffer.from(pdf))).toBe(true);
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
  });

  it('looks like its reference picture (pdftoppm -r 50), one A4 page', () => {
    const pages = pagesAsPng(pdf, 50);
    expect(pages).toHaveLength(1);
    const page = pages[0] as Buffer;
    const { width, height } = PNG.sync.read(page);
    // A4 at 50 dpi: 8.27 × 11.69 in.
    expect([width, height]).toEqual([414, 585]);
    const reference = path.join(REFERENCES, `${id}.png`);
    if (UPDATE || !existsSync(reference)) {
      if (!UPDATE) throw new Error(`No reference picture ${reference}: run with UPDATE_FORM_REFERENCES=1`);
      writeFileSync(reference, page);
    }
    expect(difference(page, readFileSync(reference))).toBeLessThanOrEqual(TOLERANCE);
  });

  it('embeds its fonts as subsets with Unicode maps (text selectable, diacritics exact)', () => {
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts)
      expect(line).toMatch(/^[A-Z]{6}\+DejaVuSerif\S*\s+CID TrueType\s+Identity-H\s+yes yes yes/);
  });

  it('has a QR code that opens the tracking page', () => {
    // The foot of the page, where the QR code is: jsQR reads a corner in a fraction of the time.
    const [corner] = pagesAsPng(pdf, 150, { x: 0, y: 0.75, width: 0.5, height: 0.25 });
    expect(readQr(corner as Buffer)).toBe(TRACKING_URL);
  });
});

describe('the text a reader extracts', () => {
  it('01 holds the exact Vietnamese strings: title, motto, applicant, code, dates, money', async () => {
    // Wrapped lines are joined, as a reader copying a paragraph gets it.
    const text = pdfText(await render('01')).replace(/\s+/g, ' ');
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      'Nguyễn Thị Hằng Nga',
      '000.30.01.H99-261201-0007',
      'Bình Thành, ngày 01 tháng 12 năm 2026',
      '08 giờ 45 phút, ngày 01/12/2026',
      '16 giờ 45 phút, ngày 15/12/2026',
      '1.250.000 đồng/hồ sơ',
      'Hợp đồng chuyển nhượng quyền sử',
      'NGƯỜI TIẾP NHẬN HỒ SƠ',
    ])
      expect(text).toContain(expected);
    // Precomposed letters as typed (NFC), not base letters plus combining marks.
    expect(text).toBe(text.normalize('NFC'));
  });

  it('each other form holds its title and the dossier code', async () => {
    const titles: Record<Exclude<FormId, '01'>, string> = {
      '02': 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
      '03': 'PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ',
      '04': 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
      '05': 'THÔNG BÁO VỀ VIỆC TẠM DỪNG GIẢI QUYẾT HỒ SƠ',
      '06': 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
      'ban-giao': 'BIÊN BẢN BÀN GIAO KẾT QUẢ GIẢI QUYẾT HỒ SƠ',
    };
    for (const [id, title] of Object.entries(titles)) {
      const text = pdfText(await render(id as FormId));
      expect([id, text.includes(title)]).toEqual([id, true]);
      expect([id, text.includes(inputOf(id as FormId).dossier.code)]).toEqual([id, true]);
    }
    expect(pdfText(await render('06')).replace(/\s+/g, ' ')).toContain('15:30 09/12/2026');
  });
});

describe('a long control sheet', () => {
  it('flows onto further A4 pages, every hand-off printed, the QR code on the last page', async () => {
    const handoffs = EVENTS.filter((e) => e.handoff);
    const many = Array.from({ length: 8 }, () => handoffs).flat();
    const pdf = await renderFormPdf(buildForm('06', { ...INPUT, events: many }), { author: 'Tỉnh Demo' });
    const pages = pagesAsPng(pdf, 50);
    expect(pages.length).toBeGreaterThan(1);
    const rows = pdfText(pdf).match(/Giao: /g) ?? [];
    expect(rows).toHaveLength(many.length);
    const corners = pagesAsPng(pdf, 150, { x: 0, y: 0.75, width: 0.5, height: 0.25 });
    expect(corners.map((c) => readQr(c))).toEqual([...Array(pages.length - 1).fill(undefined), TRACKING_URL]);
  });
});
