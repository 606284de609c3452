/**
 * The forms' typeface: DejaVu Serif, a Times-like face with every Vietnamese letter and tone mark
 * (Times New Roman itself may not be redistributed). The TTF bytes travel inside the code — bundled
 * into the Lambda zip by esbuild — so rendering reads no file at run time; pdfkit embeds only the
 * glyphs a form uses (a subset), so the text stays exact and selectable.
 */
import regular from 'dejavu-fonts-ttf/ttf/DejaVuSerif.ttf';
import bold from 'dejavu-fonts-ttf/ttf/DejaVuSerif-Bold.ttf';
import italic from 'dejavu-fonts-ttf/ttf/DejaVuSerif-Italic.ttf';

export const FONTS = { regular, bold, italic } as const;
export type FontFace = keyof typeof FONTS;
