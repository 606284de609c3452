/**
 * Forms 02–05: the notices addressed to the applicant while a dossier is handled — supplement
 * request, refusal, apology with a new appointment, and the notice that processing stops. Each is
 * built from what the dossier recorded when it happened; a notice that never happened is undefined.
 */
import type { Dossier, DossierEvent } from '../dossier/model';
import type { HistoryType } from '../lifecycle/events';
import type { Block, FormInput, FormModel } from './model';
import { agencyName, issuerOf, longDateTime, shortDate, signatureHint, upper } from './wording';

/** The agency that recorded `type` at `at` (its history line), else `fallback`. */
function agencyOfEvent(
  events: readonly DossierEvent[],
  types: readonly HistoryType[],
  at: string,
  fallback: string,
) {
  return events.find((e) => types.includes(e.type) && e.at === at)?.agency ?? fallback;
}

const applicantName = (d: Dossier) =>
  d.applicant.organizationName ? `${d.applicant.name} (${d.applicant.organizationName})` : d.applicant.name;

/** The lines every notice opens with: who applied, for what, under which code. */
function aboutTheDossier(input: FormInput): Block[] {
  const d = input.dossier;
  return [
    { kind: 'text', label: 'Kính gửi: ', text: `Ông/bà ${applicantName(d)}` },
    { kind: 'text', label: 'Địa chỉ: ', text: d.applicant.address },
    { kind: 'text', label: 'Nội dung yêu cầu giải quyết: ', text: `${d.procedure.name}: ${d.request}` },
    { kind: 'text', label: 'Mã hồ sơ: ', text: d.code },
  ];
}

function notice(
  input: FormInput,
  parts: Pick<FormModel, 'id' | 'title' | 'blocks' | 'signatures'> & {
    agency: string;
    at: string;
    counter: boolean;
  },
): FormModel {
  return {
    id: parts.id,
    formLabel: `Mẫu số ${parts.id}`,
    ...issuerOf(input, parts.agency, parts.at, { counter: parts.counter }),
    title: upper(parts.title),
    blocks: parts.blocks,
    signatures: parts.signatures,
    dossierCode: input.dossier.code,
    trackingUrl: input.trackingUrl,
    issuedAt: parts.at,
  };
}

/** Form 02: the latest request to supplement, at reception or during processing (a pause). */
export function supplementForm(input: FormInput): FormModel | undefined {
  const d = input.dossier;
  const atReception = d.supplementRequest
    ? {
        at: d.supplementRequest.at,
        items: d.supplementRequest.items,
        reason: d.supplementRequest.note,
        agency: d.receivingAgency,
        counter: true,
      }
    : undefined;
  const pause = d.pauses.at(-1);
  const inProcessing = pause
    ? {
        at: pause.from,
        items: pause.items,
        reason: pause.reason,
        agency: agencyOfEvent(
          input.events,
          ['processingPaused'],
          pause.from,
          d.steps[pause.stepIndex]?.agency ?? d.competentAgency,
        ),
        counter: false,
      }
    : undefined;
  const latest = [atReception, inProcessing]
    .filter((r) => r !== undefined)
    .sort((a, b) => b.at.localeCompare(a.at))[0];
  if (!latest) return undefined;
  return notice(input, {
    id: '02',
    title: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
    agency: latest.agency,
    at: latest.at,
    counter: latest.counter,
    blocks: [
      ...aboutTheDossier(input),
      {
        kind: 'text',
        text: `Ngày ${shortDate(latest.at)}, ${agencyName(input, latest.agency)} đã xem xét hồ sơ. Hồ sơ chưa đầy đủ, hợp lệ; đề nghị Ông/bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:`,
      },
      {
        kind: 'table',
        columns: [
          { title: 'STT', width: 0.08, align: 'center' },
          { title: 'Giấy tờ cần bổ sung', width: 0.42 },
          { title: 'Nội dung, lý do', width: 0.5 },
        ],
        rows: latest.items.map((item, i) => [String(i + 1), item.document, item.reason]),
      },
      ...(latest.reason ? [{ kind: 'text' as const, label: 'Lý do: ', text: latest.reason }] : []),
      {
        kind: 'text',
        italic: true,
        text: 'Yêu cầu này được đưa ra một lần, đầy đủ. Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/bà liên hệ Bộ phận Một cửa để được hướng dẫn.',
      },
    ],
    signatures: [{ title: 'NGƯỜI HƯỚNG DẪN', hint: signatureHint }],
  });
}

/** Form 03: refusal, at reception or during processing. */
export function refusalForm(input: FormInput): FormModel | undefined {
  const { refusal } = input.dossier;
  if (!refusal) return undefined;
  const d = input.dossier;
  const agency = agencyOfEvent(input.events, ['receptionRefused', 'refused'], refusal.at, d.receivingAgency);
  return notice(input, {
    id: '03',
    title: 'Phiếu từ chối tiếp nhận, giải quyết hồ sơ',
    agency,
    at: refusal.at,
    counter: agency === d.receivingAgency,
    blocks: [
      ...aboutTheDossier(input),
      {
        kind: 'text',
        text: `Qua xem xét, ${agencyName(input, agency)} thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:`,
      },
      { kind: 'text', label: 'Lý do: ', text: refusal.reason },
      { kind: 'text', text: 'Xin thông báo để Ông/bà được biết và thực hiện.' },
    ],
    signatures: [{ title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', hint: signatureHint }],
  });
}

/** Form 04: the apology for a late result, and the new appointment. */
export function apologyForm(input: FormInput): FormModel | undefined {
  const { apology } = input.dossier;
  if (!apology) return undefined;
  const d = input.dossier;
  const agency = agencyOfEvent(input.events, ['apologized'], apology.at, d.competentAgency);
  const name = agencyName(input, agency);
  return notice(input, {
    id: '04',
    title: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả',
    agency,
    at: apology.at,
    counter: false,
    blocks: [
      ...aboutTheDossier(input),
      {
        kind: 'text',
        text: `${agencyName(input, d.receivingAgency)} đã tiếp nhận hồ sơ${d.receivedAt ? ` lúc ${longDateTime(d.receivedAt)}` : ''}, hẹn trả kết quả lúc ${longDateTime(apology.previousAppointmentAt)}.`,
      },
      {
        kind: 'text',
        text: `Tuy nhiên đến nay, ${name} chưa trả được kết quả giải quyết hồ sơ cho Ông/bà đúng hẹn.`,
      },
      { kind: 'text', label: 'Lý do: ', text: apology.reason },
      {
        kind: 'text',
        text: `Sự chậm trễ này đã gây phiền hà cho Ông/bà. ${name} xin lỗi Ông/bà và hẹn trả kết quả vào:`,
      },
      { kind: 'text', bold: true, align: 'center', text: longDateTime(apology.newAppointmentAt) },
      { kind: 'text', text: 'Xin trân trọng cảm ơn!' },
    ],
    signatures: [{ title: 'THỦ TRƯỞNG CƠ QUAN', hint: '(Ký, ghi rõ họ tên và đóng dấu)', name: apology.by }],
  });
}

/**
 * Form 05: processing stops — for good when the applicant withdrew, for a while when the clock
 * is paused for a supplement (the latest pause, with its end once the supplement came).
 */
export function suspensionForm(input: FormInput): FormModel | undefined {
  const d = input.dossier;
  if (d.withdrawal) {
    const agency = agencyOfEvent(input.events, ['withdrawn'], d.withdrawal.at, d.receivingAgency);
    return notice(input, {
      id: '05',
      title: 'Thông báo về việc dừng giải quyết hồ sơ',
      agency,
      at: d.withdrawal.at,
      counter: agency === d.receivingAgency,
      blocks: [
        ...aboutTheDossier(input),
        {
          kind: 'text',
          text: `${agencyName(input, agency)} thông báo dừng giải quyết hồ sơ nêu trên kể từ ${longDateTime(d.withdrawal.at)}.`,
        },
        { kind: 'text', label: 'Lý do: ', text: d.withdrawal.reason },
      ],
      signatures: [{ title: 'NGƯỜI THÔNG BÁO', hint: signatureHint }],
    });
  }
  const pause = d.pauses.at(-1);
  if (!pause) return undefined;
  const agency = agencyOfEvent(
    input.events,
    ['processingPaused'],
    pause.from,
    d.steps[pause.stepIndex]?.agency ?? d.competentAgency,
  );
  return notice(input, {
    id: '05',
    title: 'Thông báo về việc tạm dừng giải quyết hồ sơ',
    agency,
    at: pause.from,
    counter: false,
    blocks: [
      ...aboutTheDossier(input),
      {
        kind: 'text',
        text: `${agencyName(input, agency)} thông báo tạm dừng giải quyết hồ sơ nêu trên kể từ ${longDateTime(pause.from)}; thời gian tạm dừng không tính vào thời hạn giải quyết.`,
      },
      { kind: 'text', label: 'Lý do: ', text: pause.reason },
      pause.to
        ? { kind: 'text', label: 'Tiếp tục giải quyết từ: ', text: longDateTime(pause.to) }
        : {
            kind: 'text',
            text: 'Hồ sơ được tiếp tục giải quyết khi Ông/bà bổ sung đầy đủ theo Phiếu yêu cầu bổ sung (Mẫu số 02).',
          },
    ],
    signatures: [{ title: 'NGƯỜI THÔNG BÁO', hint: signatureHint }],
  });
}
