/**
 * Form 06: the control sheet (Phiếu kiểm soát quá trình giải quyết hồ sơ), one row per hand-off of
 * the history: who handed the dossier over to whom, when, and whether the step finished early, on
 * time or late. It follows the dossier from reception, so it exists once the dossier is received.
 */
import { TIMELINESS_LABELS } from '../dossier/labels';
import type { FormInput, FormModel } from './model';
import { agencyName, issuerOf, longDateTime, shortDateTime, signatureHint, upper } from './wording';

const APPLICANT = 'applicant';

export function controlSheetForm(input: FormInput): FormModel | undefined {
  const d = input.dossier;
  if (!d.receivedAt) return undefined;
  const handoffs = input.events.filter((e) => e.handoff !== undefined);
  const party = (agency: string, person: string | undefined) =>
    agency === APPLICANT
      ? `Người nộp hồ sơ${person ? ` (${person})` : ''}`
      : `${agencyName(input, agency)}${person ? ` (${person})` : ''}`;
  const rows = handoffs.map((e, i) => {
    const h = e.handoff!;
    return [
      String(i + 1),
      `Giao: ${party(h.fromAgency, h.fromPerson)}\nNhận: ${party(h.toAgency, h.toPerson)}`,
      // A hand-off is one instant here: given and received in the same action.
      shortDateTime(e.at),
      h.timeliness ? TIMELINESS_LABELS[h.timeliness] : '',
      [h.stepName, e.note].filter((part) => part !== undefined && part !== '').join('. '),
    ];
  });
  const lastAt = input.events.at(-1)?.at ?? d.receivedAt;
  const partners = [...new Set(d.steps.map((s) => s.agency))]
    .filter((a) => a !== d.competentAgency && a !== d.receivingAgency)
    .map((a) => agencyName(input, a));
  return {
    id: '06',
    formLabel: 'Mẫu số 06',
    ...issuerOf(input, d.receivingAgency, lastAt, { counter: true }),
    title: upper('Phiếu kiểm soát quá trình giải quyết hồ sơ'),
    subtitle: `Mã hồ sơ: ${d.code}`,
    blocks: [
      {
        kind: 'text',
        label: 'Cơ quan, đơn vị giải quyết hồ sơ: ',
        text: agencyName(input, d.competentAgency),
      },
      {
        kind: 'text',
        label: 'Cơ quan phối hợp: ',
        text: partners.length > 0 ? partners.join('; ') : 'Không',
      },
      { kind: 'text', label: 'Người nộp hồ sơ: ', text: d.applicant.name },
      { kind: 'text', label: 'Thủ tục: ', text: d.procedure.name },
      { kind: 'text', label: 'Thời gian nhận hồ sơ: ', text: longDateTime(d.receivedAt) },
      ...(d.appointmentAt
        ? [
            {
              kind: 'text' as const,
              label: 'Thời gian hẹn trả kết quả: ',
              text: longDateTime(d.appointmentAt),
            },
          ]
        : []),
      {
        kind: 'table',
        columns: [
          { title: 'STT', width: 0.07, align: 'center' },
          { title: 'Giao, nhận (cơ quan, người)', width: 0.35 },
          { title: 'Thời gian giao, nhận', width: 0.24, align: 'center' },
          { title: 'Kết quả', width: 0.12, align: 'center' },
          { title: 'Ghi chú', width: 0.22 },
        ],
        rows: rows.length > 0 ? rows : [['', 'Chưa có lần giao, nhận nào', '', '', '']],
      },
    ],
    signatures: [{ title: 'NGƯỜI LẬP PHIẾU', hint: signatureHint }],
    dossierCode: d.code,
    trackingUrl: input.trackingUrl,
    issuedAt: lastAt,
  };
}
