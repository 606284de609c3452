/**
 * The result hand-over record (Biên bản bàn giao kết quả giải quyết hồ sơ): what was handed to the
 * applicant, when, how, and against which appointment. It exists once the result was returned.
 */
import { TIMELINESS_LABELS } from '../dossier/labels';
import type { Dossier } from '../dossier/model';
import type { FormInput, FormModel } from './model';
import { agencyName, issuerOf, longDateTime, signatureHint, upper } from './wording';

const RESULT_KINDS = {
  paper: 'Bản giấy',
  electronic: 'Bản điện tử',
  both: 'Bản giấy và bản điện tử',
} as const;

function methodText(returned: NonNullable<Dossier['returned']>): string {
  if (returned.method === 'post')
    return `Qua dịch vụ bưu chính công ích${returned.trackingNumber ? `, số hiệu bưu gửi ${returned.trackingNumber}` : ''}`;
  if (returned.method === 'online') return 'Trực tuyến, trên Cổng Dịch vụ công';
  return 'Trực tiếp tại Bộ phận Một cửa';
}

export function handoverForm(input: FormInput): FormModel | undefined {
  const d = input.dossier;
  const { returned } = d;
  if (!returned) return undefined;
  const counter = input.identity.counters.find((c) => c.agency === d.receivingAgency);
  const a = d.applicant;
  return {
    id: 'ban-giao',
    formLabel: 'Biên bản bàn giao',
    ...issuerOf(input, d.receivingAgency, returned.at, { counter: true }),
    title: upper('Biên bản bàn giao kết quả giải quyết hồ sơ'),
    subtitle: `Mã hồ sơ: ${d.code}`,
    blocks: [
      { kind: 'text', text: `Hôm nay, lúc ${longDateTime(returned.at)}, chúng tôi gồm:` },
      {
        kind: 'text',
        label: 'Bên giao: ',
        text: `${counter?.name ?? `Bộ phận Một cửa ${agencyName(input, d.receivingAgency)}`}; người trả kết quả: ${returned.by}`,
      },
      {
        kind: 'text',
        label: 'Bên nhận: ',
        text: `Ông/bà ${a.organizationName ? `${a.name} (${a.organizationName})` : a.name}; số định danh cá nhân/CCCD: ${a.idNumber}`,
      },
      { kind: 'text', text: 'Đã tiến hành bàn giao kết quả giải quyết hồ sơ như sau:' },
      { kind: 'text', label: '1. Thủ tục: ', text: `${d.procedure.name}: ${d.request}` },
      {
        kind: 'text',
        label: '2. Kết quả: ',
        text: d.result
          ? `${RESULT_KINDS[d.result.kind]}${d.result.documentNumber ? `, số ${d.result.documentNumber}` : ''}`
          : 'Kết quả giải quyết hồ sơ',
      },
      { kind: 'text', label: '3. Hình thức trả kết quả: ', text: methodText(returned) },
      ...(d.appointmentAt
        ? [{ kind: 'text' as const, label: '4. Thời gian hẹn trả: ', text: longDateTime(d.appointmentAt) }]
        : []),
      ...(d.timeliness
        ? [{ kind: 'text' as const, label: '5. Kết quả giải quyết: ', text: TIMELINESS_LABELS[d.timeliness] }]
        : []),
      {
        kind: 'text',
        italic: true,
        text: 'Biên bản được lập thành 02 bản, mỗi bên giữ 01 bản, có giá trị như nhau.',
      },
    ],
    signatures: [
      { title: 'BÊN GIAO', hint: signatureHint },
      { title: 'BÊN NHẬN', hint: signatureHint, name: a.name },
    ],
    dossierCode: d.code,
    trackingUrl: input.trackingUrl,
    issuedAt: returned.at,
  };
}
