import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as common from '../schemas/common';
import * as agencyClient from '../schemas/agency-client';

export const createAgencyClientContract = {
  id: 'createAgencyClient',
  request: { body: agencyClient.createAgencyClient },
  responses: {
    201: {
      description: 'Ứng dụng đã tạo / client registered',
      schema: agencyClient.registeredAgencyClient,
    },
    409: {
      description: 'Yêu cầu trùng đang xử lý / same Idempotency-Key in progress',
      schema: common.problem,
    },
    422: { description: 'Cơ quan không có / unknown agency', schema: common.problem },
    ...problemResponses,
  },
} as const satisfies RouteContract;
