/** Route getDossierForm's metadata: how to add a route, shared/api/route-meta.ts. */
import { PDF_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

export const getDossierFormMeta = {
  id: 'getDossierForm',
  method: 'GET',
  path: '/v1/dossiers/{code}/forms/{form}',
  entry: 'functions/dossiers/form.ts',
  auth: 'user',
  action: 'dossier.receipt',
  access: { table: 'read', publicBaseUrl: true, personalData: true, audit: true },
  summary:
    'Biểu mẫu in (PDF A4) mẫu 01–06 và biên bản bàn giao kết quả, có mã QR tra cứu; người nộp chỉ lấy được mẫu 01 / printable form as PDF with a tracking QR code; the applicant may fetch form 01 only',
  tags: ['dossiers'],
  bundle: { kb: 2475, reason: PDF_REASON }, // 2444 KB measured
} as const satisfies RouteMeta;
