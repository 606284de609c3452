/** What the public HTML pages (shared/pages) take and answer. */
import * as z from 'zod';
import { LANGS } from '../../pages/i18n';
import { dossierCode, singleLine } from './common';

export const HTML_MEDIA_TYPE = 'text/html';

/** `?lang=en`: the pages' chrome in English; content stays as recorded. Ignored by JSON answers. */
export const langField = {
  lang: z
    .enum(LANGS)
    .optional()
    .describe('Ngôn ngữ của trang HTML (mặc định vi) / language of the HTML page (default vi)'),
};
export const langQuery = z.object(langField).strict();

/**
 * The tracking form's `?code=`: what a person typed, so surrounding spaces and lower case are
 * forgiven before the code must have its documented form.
 */
export const trackingFormQuery = z
  .object({
    code: singleLine(64)
      .transform((s) => s.trim().toUpperCase())
      .pipe(dossierCode)
      .optional()
      .describe('Mã hồ sơ cần tra cứu / the dossier code to track'),
    ...langField,
  })
  .strict();

/** A whole HTML document, as a string. */
export const htmlPage = z
  .string()
  .min(1)
  .meta({ description: 'Trang HTML (không cần JavaScript) / an HTML page, no script' });
