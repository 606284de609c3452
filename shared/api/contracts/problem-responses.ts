/** The problem answers almost every route documents, spread into its contract's responses. */
import * as common from '../schemas/common';

export const problemResponses = {
  400: { description: 'Dữ liệu không hợp lệ / invalid input', schema: common.problem },
  401: { description: 'Chưa đăng nhập / unauthenticated', schema: common.problem },
  403: { description: 'Không có quyền / forbidden', schema: common.problem },
  404: { description: 'Không tìm thấy / not found', schema: common.problem },
} as const;
