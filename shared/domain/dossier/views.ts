/**
 * What each audience may see of a dossier. The public tracking view never carries the applicant's
 * ID number, phone, email or address, and masks the name.
 */
import type { Agency } from '../catalog/model';
import { deadlineState } from '../lifecycle/deadlines';
import { maskName } from '../text';
import { toVnText } from '../vn-time';
import { allowanceText, CHANNEL_LABELS, EVENT_LABELS, STATUS_LABELS } from './labels';
import type { Dossier, DossierEvent } from './model';

type AgencyNames = ReadonlyMap<string, Pick<Agency, 'name'>>;

const withAgencyNames = (dossier: Dossier, agencies: AgencyNames) =>
  dossier.steps.map((s) => ({ ...s, agencyName: agencies.get(s.agency)?.name }));

/** Form 01: the receipt and appointment slip, for a received dossier. */
export function receiptForm(dossier: Dossier, agencies: AgencyNames) {
  if (!dossier.receivedAt || !dossier.appointmentAt) return undefined;
  const a = dossier.applicant;
  return {
    form: '01' as const,
    title: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
    dossierCode: dossier.code,
    ledgerNumber: dossier.ledgerNumber,
    receivingAgency: agencies.get(dossier.receivingAgency)?.name ?? dossier.receivingAgency,
    applicant: {
      name: a.organizationName ?? a.name,
      idNumber: a.idNumber,
      address: a.address,
      phone: a.phone,
      email: a.email,
    },
    request: dossier.request,
    procedure: dossier.procedure.name,
    documents: dossier.documents.map((d) => ({ name: d.name, kind: d.kind, copies: d.copies })),
    channel: CHANNEL_LABELS[dossier.channel],
    processingTime: allowanceText(dossier.procedure.time),
    receivedAt: toVnText(new Date(dossier.receivedAt)),
    appointmentAt: toVnText(new Date(dossier.appointmentAt)),
    resultCollection:
      dossier.resultDelivery === 'counter'
        ? `Tại ${agencies.get(dossier.receivingAgency)?.name ?? dossier.receivingAgency}`
        : dossier.resultDelivery === 'post'
          ? 'Qua dịch vụ bưu chính công ích'
          : 'Trực tuyến, trên Cổng dịch vụ công',
    fee: { amount: dossier.fee.amount, currency: 'VND', unit: dossier.fee.unit },
    receivedBy: dossier.receivedBy,
  };
}

export function dossierView(dossier: Dossier, agencies: AgencyNames) {
  return {
    code: dossier.code,
    tenant: dossier.tenant,
    procedure: { code: dossier.procedure.code, name: dossier.procedure.name, field: dossier.procedure.field },
    channel: dossier.channel,
    status: dossier.status,
    statusLabel: STATUS_LABELS[dossier.status],
    receivingAgency: dossier.receivingAgency,
    competentAgency: dossier.competentAgency,
    applicant: dossier.applicant,
    request: dossier.request,
    documents: dossier.documents,
    resultDelivery: dossier.resultDelivery,
    submittedAt: dossier.submittedAt,
    receivedAt: dossier.receivedAt,
    appointmentAt: dossier.appointmentAt,
    fee: { amount: dossier.fee.amount, currency: 'VND' as const },
    steps: withAgencyNames(dossier, agencies),
    ...(dossier.supplementRequest
      ? {
          supplementRequest: {
            items: dossier.supplementRequest.items,
            note: dossier.supplementRequest.note,
            at: dossier.supplementRequest.at,
            form: '02' as const,
          },
        }
      : {}),
    ...(dossier.refusal
      ? { refusal: { reason: dossier.refusal.reason, at: dossier.refusal.at, form: '03' as const } }
      : {}),
    ...(dossier.receivedAt ? { receipt: receiptForm(dossier, agencies) } : {}),
    currentStep: dossier.currentStep,
    pauses: dossier.pauses.map((p) => ({ ...p, form: '02' as const })),
    ...(dossier.apology ? { apology: { ...dossier.apology, form: '04' as const } } : {}),
    ...(dossier.approval ? { approval: dossier.approval } : {}),
    ...(dossier.signature ? { signature: dossier.signature } : {}),
    ...(dossier.result ? { result: dossier.result } : {}),
    ...(dossier.returned ? { returned: dossier.returned } : {}),
    ...(dossier.withdrawal ? { withdrawal: dossier.withdrawal } : {}),
    ...(dossier.evaluation ? { evaluation: dossier.evaluation } : {}),
    ...(dossier.finishedAt ? { finishedAt: dossier.finishedAt, timeliness: dossier.timeliness } : {}),
    version: dossier.version,
    clockVersion: dossier.clockVersion,
  };
}

export function trackingView(
  dossier: Dossier,
  events: readonly DossierEvent[],
  agencies: AgencyNames,
  now: Date,
) {
  const applicantName =
    dossier.applicant.kind === 'organization' && dossier.applicant.organizationName
      ? dossier.applicant.organizationName
      : maskName(dossier.applicant.name);
  return {
    code: dossier.code,
    procedure: { code: dossier.procedure.code, name: dossier.procedure.name },
    applicantName,
    status: dossier.status,
    statusLabel: STATUS_LABELS[dossier.status],
    receivingAgency: {
      code: dossier.receivingAgency,
      name: agencies.get(dossier.receivingAgency)?.name ?? dossier.receivingAgency,
    },
    submittedAt: dossier.submittedAt,
    receivedAt: dossier.receivedAt,
    appointmentAt: dossier.appointmentAt,
    deadline: deadlineState(dossier, now),
    // Staff usernames stay internal: the public sees agencies, not people.
    steps: withAgencyNames(dossier, agencies).map(({ assignee: _assignee, ...step }) => step),
    timeline: events.map((e) => ({
      at: e.at,
      event: e.type,
      label: EVENT_LABELS[e.type],
      agency: agencies.get(e.agency)?.name ?? e.agency,
    })),
  };
}
