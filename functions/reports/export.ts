import { exportReportContract } from '../../shared/api/contracts/exportReport';
import { exportReportMeta } from '../../shared/api/route-meta/exportReport';
import { XLSX_MEDIA_TYPE } from '../../shared/api/schemas/service-index';
import { httpHandler } from '../../shared/platform/http';
import { exportReport } from '../../shared/usecases/report-export';

export const handler = httpHandler(exportReportMeta, exportReportContract, async ({ query, principal }) => {
  const file = await exportReport(principal, query);
  return {
    status: 200,
    body: file.bytes,
    headers: {
      'content-type': XLSX_MEDIA_TYPE,
      'content-disposition': `attachment; filename="${file.fileName}"`,
      'cache-control': 'private, no-store',
    },
  };
});
