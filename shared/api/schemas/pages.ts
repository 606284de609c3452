/** What the public HTML pages (shared/pages) take and answer. */
import * as z from 'zod/mini';
import { LANGS } from '../../pages/i18n';
import { dossierCode, singleLine } from './common';

export const HTML_MEDIA_TYPE = 'text/html';

/** `?lang=en`: the pages' chrome in English; content stays as recorded. Ignored by JSON answers. */
export const langField = {
  lang: z
    .optional(z.enum(LANGS))
    .check(z.describe('Ngôn ngữ của trang HTML (mặc định vi) / language of the HTML page (default vi)')),
};
export const langQuery = z.strictObject(langField);

/**
 * The tracking form's `?code=`: what a person typed, so surrounding spaces and lower case are
 * forgiven before the code must have its documented form.
 */
export const trackingFormQuery = z.strictObject({
  code: z
    .optional(
      z.pipe(
        z.pipe(
          singleLine(64),
          z.transform((s) => s.trim().toUpperCase()),
        ),
        dossierCode,
      ),
    )
    .check(z.describe('Mã hồ sơ cần tra cứu / the dossier code to track')),
  ...langField,
});

/** A whole HTML document, as a string. */
export const htmlPage = z
  .string()
  .check(
    z.minLength(1),
    z.meta({ description: 'Trang HTML (không cần JavaScript) / an HTML page, no script' }),
  );
