/** Form 01: the receipt and appointment slip the applicant keeps (Giấy tiếp nhận hồ sơ và hẹn trả kết quả). */
import { allowanceText, CHANNEL_LABELS } from '../dossier/labels';
import type { Dossier } from '../dossier/model';
import type { FormInput, FormModel } from './model';
import {
  agencyName,
  DOCUMENT_KIND_LABELS,
  feeText,
  issuerOf,
  longDateTime,
  signatureHint,
  upper,
} from './wording';

const pad4 = (n: number) => String(n).padStart(4, '0');

function collectionText(input: FormInput, dossier: Dossier): string {
  if (dossier.resultDelivery === 'post') return 'Qua dịch vụ bưu chính công ích, tại địa chỉ của người nộp';
  if (dossier.resultDelivery === 'online') return 'Trực tuyến, trên Cổng Dịch vụ công';
  const counter = input.identity.counters.find((c) => c.agency === dossier.receivingAgency);
  const where = counter?.name ?? `Bộ phận Một cửa ${agencyName(input, dossier.receivingAgency)}`;
  return counter?.address ? `${where}, ${counter.address}` : where;
}

/**
 * The receipt secret, labelled and explained: what it allows, and that it is the applicant's to
 * keep (issue 11 §7). Nothing for a dossier made before secrets existed.
 */
function secretBlocks(secret: string | undefined): FormModel['blocks'] {
  if (!secret) return [];
  return [
    { kind: 'space', lines: 0.5 },
    { kind: 'text', bold: true, label: 'Mã bí mật tra cứu: ', text: secret },
    {
      kind: 'text',
      italic: true,
      text:
        'Dùng mã này cùng mã hồ sơ để xem đầy đủ tình trạng hồ sơ, nộp bổ sung hoặc rút hồ sơ trực tuyến ' +
        'mà không cần tài khoản. Đề nghị giữ kín, không cung cấp mã này cho người khác.',
    },
  ];
}

/** Undefined while the dossier has not been received: there is no receipt yet. */
export function receiptForm(input: FormInput): FormModel | undefined {
  const { dossier } = input;
  if (!dossier.receivedAt || !dossier.appointmentAt) return undefined;
  const a = dossier.applicant;
  const documents = dossier.documents.map((d, i) => [
    String(i + 1),
    d.name,
    DOCUMENT_KIND_LABELS[d.kind],
    String(d.copies).padStart(2, '0'),
  ]);
  return {
    id: '01',
    formLabel: 'Mẫu số 01',
    ...issuerOf(input, dossier.receivingAgency, dossier.receivedAt, { counter: true }),
    number: `Số: ${pad4(dossier.ledgerNumber)}/TNHS`,
    title: upper('Giấy tiếp nhận hồ sơ và hẹn trả kết quả'),
    subtitle: `Mã hồ sơ: ${dossier.code}`,
    blocks: [
      {
        kind: 'text',
        text: `${agencyName(input, dossier.receivingAgency)} đã tiếp nhận hồ sơ (${CHANNEL_LABELS[dossier.channel].toLowerCase()}) của:`,
      },
      {
        kind: 'text',
        label: 'Ông/bà: ',
        text: a.organizationName ? `${a.name} (${a.organizationName})` : a.name,
      },
      { kind: 'text', label: 'Số định danh cá nhân/CCCD: ', text: a.idNumber },
      { kind: 'text', label: 'Địa chỉ: ', text: a.address },
      { kind: 'text', label: 'Số điện thoại: ', text: `${a.phone}${a.email ? `    Email: ${a.email}` : ''}` },
      {
        kind: 'text',
        label: 'Nội dung yêu cầu giải quyết: ',
        text: `${dossier.procedure.name}: ${dossier.request}`,
      },
      {
        kind: 'text',
        label: '1. Thành phần hồ sơ nộp gồm:',
        text: documents.length === 0 ? ' (không có)' : '',
      },
      ...(documents.length > 0
        ? [
            {
              kind: 'table' as const,
              columns: [
                { title: 'STT', width: 0.08, align: 'center' as const },
                { title: 'Tên giấy tờ', width: 0.5 },
                { title: 'Hình thức', width: 0.27 },
                { title: 'Số lượng', width: 0.15, align: 'center' as const },
              ],
              rows: documents,
            },
          ]
        : []),
      { kind: 'text', label: '2. Số lượng hồ sơ: ', text: '01 (bộ)' },
      {
        kind: 'text',
        label: '3. Thời gian giải quyết hồ sơ theo quy định: ',
        text: allowanceText(dossier.procedure.time),
      },
      { kind: 'text', label: '4. Thời gian nhận hồ sơ: ', text: longDateTime(dossier.receivedAt) },
      {
        kind: 'text',
        label: '5. Thời gian trả kết quả giải quyết hồ sơ: ',
        text: longDateTime(dossier.appointmentAt),
      },
      { kind: 'text', label: '6. Đăng ký nhận kết quả tại: ', text: collectionText(input, dossier) },
      { kind: 'text', label: '7. Phí, lệ phí: ', text: feeText(dossier.fee) },
      {
        kind: 'text',
        italic: true,
        text: `Vào Sổ theo dõi hồ sơ, số thứ tự: ${pad4(dossier.ledgerNumber)}.`,
      },
      ...secretBlocks(input.receiptSecret),
    ],
    signatures: [
      { title: 'NGƯỜI NỘP HỒ SƠ', hint: signatureHint, name: a.name },
      { title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', hint: signatureHint },
    ],
    dossierCode: dossier.code,
    trackingUrl: input.trackingUrl,
    issuedAt: dossier.receivedAt,
  };
}
