/**
 * The refusals an upload and its confirm answer, documented once for the signed-in routes and the
 * receipt holder's (issue 11 §7): the same use cases (shared/usecases/attachments-upload.ts) answer
 * both, so their words cannot drift apart.
 */
import * as common from '../schemas/common';

export const uploadRefusals = {
  409: { description: 'Hồ sơ đã kết thúc / the dossier is closed', schema: common.problem },
  422: {
    description: 'Quá nhiều tệp chờ xác nhận / too many unconfirmed uploads (pending-upload-limit)',
    schema: common.problem,
  },
} as const;

export const confirmRefusals = {
  409: {
    description: 'Chưa nhận được tệp / nothing uploaded yet: upload, then confirm',
    schema: common.problem,
  },
  422: {
    description: 'Tệp vi phạm quy định, đã xoá / file broke the rules and was deleted',
    schema: common.problem,
  },
} as const;
