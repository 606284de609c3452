import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as common from '../schemas/common';
import * as forms from '../schemas/forms';

export const getDossierFormContract = {
  id: 'getDossierForm',
  request: { params: forms.formParams },
  responses: {
    200: {
      description: 'Biểu mẫu PDF / the form',
      schema: forms.pdfDocument,
      mediaType: forms.PDF_MEDIA_TYPE,
    },
    409: {
      description: 'Mẫu chưa áp dụng cho hồ sơ ở trạng thái này / the form does not apply to the dossier yet',
      schema: common.problem,
    },
    ...problemResponses,
  },
} as const satisfies RouteContract;
