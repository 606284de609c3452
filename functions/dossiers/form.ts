import { getDossierFormContract } from '../../shared/api/contracts/getDossierForm';
import { getDossierFormMeta } from '../../shared/api/route-meta/getDossierForm';
import { formIdOf, PDF_MEDIA_TYPE } from '../../shared/api/schemas/forms';
import { httpHandler } from '../../shared/platform/http';
import { dossierFormPdf } from '../../shared/usecases/forms';

export const handler = httpHandler(
  getDossierFormMeta,
  getDossierFormContract,
  async ({ params, principal, annotate }) => {
    annotate({ dossierCode: params.code });
    const pdf = await dossierFormPdf(principal, params.code, formIdOf(params.form));
    return {
      status: 200,
      body: pdf.bytes,
      headers: {
        'content-type': PDF_MEDIA_TYPE,
        'content-disposition': `inline; filename="${pdf.fileName}"`,
        // Personal data: no shared cache keeps it.
        'cache-control': 'private, no-store',
      },
    };
  },
);
