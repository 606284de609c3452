/** The printable forms route: which form, and the PDF it answers. */
import * as z from 'zod/mini';
import { FORM_IDS, type FormId } from '../../domain/forms/model';
import { dossierCode } from './common';

/** `01.pdf` … `06.pdf`, `ban-giao.pdf`: a whole path segment, as API Gateway's `{form}` takes it. */
export const FORM_FILES = FORM_IDS.map((id) => `${id}.pdf` as const) as [
  `${FormId}.pdf`,
  ...`${FormId}.pdf`[],
];

export const formParams = z.object({
  code: dossierCode,
  form: z.enum(FORM_FILES).check(z.describe('Mẫu: 01.pdf … 06.pdf, ban-giao.pdf / the form')),
});

export const formIdOf = (file: `${FormId}.pdf`): FormId => file.slice(0, -'.pdf'.length) as FormId;

export const PDF_MEDIA_TYPE = 'application/pdf';

/**
 * A PDF document: bytes in the handler, `string`/`binary` in the OpenAPI document. The contract
 * check of the integration tests sees the bytes the client received.
 */
export const pdfDocument = z
  .custom<Uint8Array>((value) => value instanceof Uint8Array && value.length > 0, 'PDF bytes')
  .check(z.meta({ type: 'string', format: 'binary', description: 'Tệp PDF khổ A4 / an A4 PDF document' }));
