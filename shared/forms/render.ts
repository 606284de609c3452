/**
 * Draws a FormModel (shared/domain/forms) as an A4 PDF laid out like the regulation's templates:
 * the issuing agency at the left and the national motto at the right, the form number above, the
 * place and date line, the title, numbered fields and tables, the signature blocks, and at the foot
 * a QR code to the dossier's public tracking page with the dossier code as text.
 *
 * Deterministic: the PDF's CreationDate, ModDate and its file ID (which pdfkit derives from the
 * info dictionary) come from the form's own instant, fonts are subset in the order glyphs are
 * used, and nothing reads a clock — so the same form always gives the same bytes.
 *
 * Why outside shared/domain: pdfkit and fontkit are I/O-free when given bytes, but they are large
 * and bring the fonts (three faces, about 2 MB) with them; the domain stays small, pure data, and every function
 * that imports it does not carry them.
 */
import PDFDocument from 'pdfkit';
import type { Block, FormModel } from '../domain/forms/model';
import { FONTS, type FontFace } from './fonts';
import { qrMatrix } from './qr';

type Doc = PDFKit.PDFDocument;

const MM = 72 / 25.4;
/** Decree 30/2020 margins for administrative documents: left 30 mm, right 20 mm, top and bottom 20 mm. */
const MARGIN = { top: 20 * MM, bottom: 18 * MM, left: 30 * MM, right: 20 * MM } as const;
const PAGE = { width: 595.28, height: 841.89 } as const;
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const BODY_SIZE = 11.5;
const LINE_GAP = 2;
/** The header spans a little wider than the body, as the templates print it. */
const HEADER = { left: 15 * MM, leftWidth: 82 * MM, right: 96 * MM, rightWidth: 104 * MM } as const;
const QR_SIZE = 22 * MM;
const FOOTER_HEIGHT = QR_SIZE + 4;

const face = (doc: Doc, f: FontFace, size = BODY_SIZE) => doc.font(f).fontSize(size);

/** A centred line under a heading, `width` long. */
function rule(doc: Doc, centreX: number, y: number, width: number): void {
  doc
    .moveTo(centreX - width / 2, y)
    .lineTo(centreX + width / 2, y)
    .lineWidth(0.7)
    .stroke();
}

function drawHeader(doc: Doc, form: FormModel): void {
  face(doc, 'italic', 10).text(form.formLabel, MARGIN.left, MARGIN.top - 10 * MM, {
    width: TEXT_WIDTH,
    align: 'right',
  });
  const top = MARGIN.top;
  const left = { x: HEADER.left, width: HEADER.leftWidth, align: 'center' as const };
  face(doc, 'regular', 10.5).text(form.header.superior, left.x, top, left);
  face(doc, 'bold', 10.5).text(form.header.issuer, left.x, doc.y, left);
  const leftRuleY = doc.y + 2;
  rule(doc, left.x + left.width / 2, leftRuleY, left.width / 3);
  let leftBottom = leftRuleY + 4;

  const right = { x: HEADER.right, width: HEADER.rightWidth, align: 'center' as const };
  face(doc, 'bold', 11.5).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', right.x, top, right);
  const motto = 'Độc lập - Tự do - Hạnh phúc';
  face(doc, 'bold', 12.5).text(motto, right.x, doc.y, right);
  const rightRuleY = doc.y + 2;
  rule(doc, right.x + right.width / 2, rightRuleY, doc.widthOfString(motto));

  const below = Math.max(leftBottom, rightRuleY + 4) + 6;
  if (form.number) {
    face(doc, 'regular', 11.5).text(form.number, left.x, below, left);
    leftBottom = doc.y;
  }
  if (form.header.contact) {
    face(doc, 'italic', 9).text(form.header.contact, left.x, Math.max(below, leftBottom) + 2, left);
    leftBottom = doc.y;
  }
  face(doc, 'italic', 12).text(form.placeDate, right.x, below, right);
  doc.y = Math.max(leftBottom, doc.y);
}

function drawTitle(doc: Doc, form: FormModel): void {
  doc.moveDown(1);
  face(doc, 'bold', 14).text(form.title, MARGIN.left, doc.y, { width: TEXT_WIDTH, align: 'center' });
  if (form.subtitle) {
    face(doc, 'regular', 12).text(form.subtitle, MARGIN.left, doc.y + 3, {
      width: TEXT_WIDTH,
      align: 'center',
    });
  }
  doc.moveDown(0.6);
}

/** Starts a new page when `height` does not fit above the bottom margin. */
function ensureRoom(doc: Doc, height: number): void {
  if (doc.y + height > PAGE.height - MARGIN.bottom) {
    doc.addPage();
    doc.y = MARGIN.top;
  }
}

function drawText(doc: Doc, block: Extract<Block, { kind: 'text' }>): void {
  const options = { width: TEXT_WIDTH, lineGap: LINE_GAP, align: block.align ?? ('left' as const) };
  // Bold wins over italic: no form sets both, and a fourth face would add 0.7 MB to the bundle.
  const body: FontFace = block.bold ? 'bold' : block.italic ? 'italic' : 'regular';
  face(doc, body);
  ensureRoom(doc, doc.heightOfString(`${block.label ?? ''}${block.text}`, options));
  if (block.label) {
    face(doc, 'bold').text(block.label, MARGIN.left, doc.y, { ...options, continued: block.text !== '' });
    if (block.text !== '') face(doc, body).text(block.text, options);
  } else {
    doc.text(block.text, MARGIN.left, doc.y, options);
  }
  doc.y += 3;
}

/** Pages so far: pdfkit flushes finished pages, so the range's start moves as its count stays 1. */
function pageNumber(doc: Doc): number {
  const range = doc.bufferedPageRange();
  return range.start + range.count;
}

function drawTable(doc: Doc, block: Extract<Block, { kind: 'table' }>): void {
  const pad = 4;
  const size = 10.5;
  const widths = block.columns.map((c) => c.width * TEXT_WIDTH);
  const cellOptions = (i: number) => ({
    width: (widths[i] as number) - 2 * pad,
    align: block.columns[i]?.align ?? ('left' as const),
    lineGap: 1,
  });
  const titles = block.columns.map((c) => c.title);
  const drawRow = (cells: readonly string[], f: FontFace): void => {
    face(doc, f, size);
    const height = Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', cellOptions(i)))) + 2 * pad;
    const page = pageNumber(doc);
    ensureRoom(doc, height);
    // A table that runs onto the next page repeats its header row there.
    if (pageNumber(doc) !== page && cells !== titles) drawRow(titles, 'bold');
    const y = doc.y;
    let x = MARGIN.left;
    cells.forEach((cell, i) => {
      const w = widths[i] as number;
      doc.rect(x, y, w, height).lineWidth(0.6).stroke();
      face(doc, f, size).text(cell, x + pad, y + pad, cellOptions(i));
      x += w;
    });
    doc.y = y + height;
  };
  doc.y += 2;
  drawRow(titles, 'bold');
  for (const row of block.rows) drawRow(row, 'regular');
  doc.y += 6;
}

function drawSignatures(doc: Doc, form: FormModel): void {
  const n = form.signatures.length;
  const width = TEXT_WIDTH / Math.max(n, 2);
  // One signature sits at the right, where the templates put the signer.
  const startX = n === 1 ? MARGIN.left + TEXT_WIDTH - width : MARGIN.left;
  ensureRoom(doc, 95 + FOOTER_HEIGHT);
  const top = doc.y + 8;
  let bottom = top;
  form.signatures.forEach((s, i) => {
    const box = { width, align: 'center' as const };
    const x = startX + i * width;
    face(doc, 'bold', 12).text(s.title, x, top, box);
    face(doc, 'italic', 11).text(s.hint, x, doc.y + 1, box);
    if (s.name) face(doc, 'bold', 12).text(s.name, x, doc.y + 48, box);
    bottom = Math.max(bottom, doc.y);
  });
  doc.y = bottom;
}

/** At the foot of the last page: the QR code to the tracking page, the code and the URL as text. */
function drawFooter(doc: Doc, form: FormModel): void {
  const y = PAGE.height - MARGIN.bottom - QR_SIZE;
  const x = MARGIN.left;
  const qr = qrMatrix(form.trackingUrl);
  // Four modules of quiet zone around the symbol, as the QR standard asks.
  const module = QR_SIZE / (qr.size + 8);
  for (let row = 0; row < qr.size; row++)
    for (let col = 0; col < qr.size; col++)
      if (qr.dark(row, col)) doc.rect(x + (col + 4) * module, y + (row + 4) * module, module, module);
  doc.fillColor('black').fill();
  const textX = x + QR_SIZE + 4 * MM;
  const width = TEXT_WIDTH - QR_SIZE - 4 * MM;
  face(doc, 'bold', 11).text(`Mã hồ sơ: ${form.dossierCode}`, textX, y + 4 * module + 2, { width });
  face(doc, 'regular', 9.5).text(
    'Tra cứu tình trạng giải quyết hồ sơ: quét mã QR hoặc truy cập địa chỉ',
    textX,
    doc.y + 2,
    { width },
  );
  face(doc, 'regular', 9).text(form.trackingUrl, textX, doc.y + 1, { width });
}

/** The form as PDF bytes. */
export function renderFormPdf(form: FormModel, meta: { author: string }): Promise<Uint8Array> {
  const issued = new Date(form.issuedAt);
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    // No default font: pdfkit's is Helvetica, read from its AFM files, which cannot write
    // Vietnamese and need not be bundled. Every text is drawn after `face()` picks one of ours.
    font: null as unknown as string,
    lang: 'vi-VN',
    displayTitle: true,
    info: {
      Title: `${form.title} - ${form.dossierCode}`,
      Author: meta.author,
      Subject: `${form.formLabel} - ${form.dossierCode}`,
      Creator: 'Một cửa',
      Producer: 'Một cửa (pdfkit)',
      CreationDate: issued,
      ModDate: issued,
    },
  });
  for (const [name, bytes] of Object.entries(FONTS)) doc.registerFont(name, Buffer.from(bytes));
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  drawHeader(doc, form);
  drawTitle(doc, form);
  for (const block of form.blocks) {
    if (block.kind === 'text') drawText(doc, block);
    else if (block.kind === 'table') drawTable(doc, block);
    else doc.moveDown(block.lines);
  }
  drawSignatures(doc, form);
  drawFooter(doc, form);
  doc.end();
  return done;
}
