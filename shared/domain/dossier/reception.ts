/**
 * Reception (submission by counter, online or post, then the completeness check): who may submit through which channel, where the dossier is received
 * and decided, and what each outcome records — accept (code, appointment, planned steps, form 01),
 * supplement request (form 02) or refusal (form 03). Pure: the caller brings the catalog, the
 * calendar, the allocated sequence and "now".
 */
import type { Agency, Procedure } from '../catalog/model';
import type { WorkingCalendar } from '../calendar';
import { DomainRuleError } from '../errors';
import { toVnIso } from '../vn-time';
import type { Actor, Dossier, DossierEvent, Submission } from './model';
import { decideReception, nextVersion } from '../lifecycle/engine';
import { planSteps } from './plan';

export interface Placement {
  receivingAgency: Agency;
  competentAgency: Agency;
}

/** Where a submission is received and which agency decides it ("regardless of boundary"). */
export function placeSubmission(
  input: Pick<Submission, 'channel' | 'receptionPoint' | 'competentAgency'>,
  procedure: Procedure,
  actor: Actor,
  agencies: ReadonlyMap<string, Agency>,
): Placement {
  const agency = (code: string, field: string): Agency => {
    const found = agencies.get(code);
    if (!found)
      throw new DomainRuleError(
        400,
        'unknown-agency',
        field,
        `Không có cơ quan ${code} / unknown agency ${code}`,
      );
    return found;
  };

  if (actor.kind === 'citizen' && input.channel !== 'online') {
    throw new DomainRuleError(
      403,
      'channel-not-allowed',
      'body.channel',
      'Công dân chỉ nộp trực tuyến / citizens submit online only',
    );
  }
  if (actor.kind === 'staff' && input.channel === 'online') {
    throw new DomainRuleError(
      400,
      'channel-not-allowed',
      'body.channel',
      'Cán bộ tiếp nhận tại quầy hoặc qua bưu chính / staff receive at the counter or by post',
    );
  }
  if (input.channel === 'online' && procedure.online === 'none') {
    throw new DomainRuleError(
      422,
      'not-offered-online',
      'body.channel',
      'Thủ tục này không cung cấp trực tuyến / this procedure is not offered online',
    );
  }

  let receivingCode: string;
  if (actor.kind === 'staff') {
    if (!actor.agency)
      throw new DomainRuleError(
        403,
        'no-agency',
        'token',
        'Tài khoản không gắn cơ quan / account has no agency',
      );
    if (input.receptionPoint && input.receptionPoint !== actor.agency) {
      throw new DomainRuleError(
        403,
        'other-counter',
        'body.receptionPoint',
        'Chỉ tiếp nhận tại cơ quan của mình / staff receive for their own counter only',
      );
    }
    receivingCode = actor.agency;
  } else {
    receivingCode = input.receptionPoint ?? defaultReceptionPoint(procedure, agencies);
  }
  const receivingAgency = agency(receivingCode, 'body.receptionPoint');
  if (!receivingAgency.receptionPoint) {
    throw new DomainRuleError(
      422,
      'not-a-reception-point',
      'body.receptionPoint',
      `${receivingAgency.name} không phải bộ phận một cửa / is not a reception point`,
    );
  }

  let competentCode: string;
  if (procedure.competent === 'commune') {
    competentCode =
      input.competentAgency ?? (receivingAgency.level === 'commune' ? receivingAgency.code : '');
    if (!competentCode) {
      throw new DomainRuleError(
        400,
        'competent-agency-required',
        'body.competentAgency',
        'Thủ tục cấp xã: cần chọn UBND xã/phường giải quyết / a commune procedure needs the deciding commune',
      );
    }
  } else {
    competentCode = procedure.competent;
    if (input.competentAgency && input.competentAgency !== competentCode) {
      throw new DomainRuleError(
        422,
        'wrong-competent-agency',
        'body.competentAgency',
        `Thủ tục do ${competentCode} giải quyết / decided by ${competentCode}`,
      );
    }
  }
  const competentAgency = agency(competentCode, 'body.competentAgency');
  if (procedure.competent === 'commune' && competentAgency.level !== 'commune') {
    throw new DomainRuleError(
      422,
      'not-a-commune',
      'body.competentAgency',
      `${competentAgency.name} không phải UBND cấp xã / is not a commune`,
    );
  }
  return { receivingAgency, competentAgency };
}

/** Online submissions name a counter or fall back to the first step's counter, then the competent agency. */
function defaultReceptionPoint(procedure: Procedure, agencies: ReadonlyMap<string, Agency>): string {
  const candidates = [
    procedure.steps[0]?.agency,
    procedure.competent === 'commune' ? undefined : procedure.competent,
  ];
  const found = candidates.find(
    (c): c is string => c !== undefined && agencies.get(c)?.receptionPoint === true,
  );
  if (!found) {
    throw new DomainRuleError(
      400,
      'reception-point-required',
      'body.receptionPoint',
      'Cần chọn nơi tiếp nhận, trả kết quả / choose where to receive and collect',
    );
  }
  return found;
}

export interface NewDossierInput {
  tenant: string;
  code: string;
  ledgerNumber: number;
  submission: Submission;
  procedure: Procedure;
  placement: Placement;
  actor: Actor;
  now: Date;
  calendar: WorkingCalendar;
}

/**
 * The dossier as first recorded, with its `submitted` line; when counter staff decide at once
 * (`submission.decision`), that decision is applied on it, so it is recorded decided, at version 1.
 */
export function newDossier(input: NewDossierInput): { dossier: Dossier; events: DossierEvent[] } {
  const { submission: s, procedure, placement, actor, now } = input;
  const at = toVnIso(now);
  const dossier: Dossier = {
    tenant: input.tenant,
    code: input.code,
    procedure: {
      code: procedure.code,
      name: procedure.name,
      field: procedure.field,
      onTheSpot: procedure.onTheSpot,
      time: structuredClone(procedure.time),
    },
    channel: s.channel,
    status: 'submitted',
    receivingAgency: placement.receivingAgency.code,
    competentAgency: placement.competentAgency.code,
    applicant: s.applicant,
    request: s.request,
    documents: s.documents,
    resultDelivery: s.resultDelivery,
    postalTrackingNumber: s.postalTrackingNumber,
    submittedAt: at,
    receivedAt: null,
    appointmentAt: null,
    fee: { amount: procedure.fee, currency: 'VND', unit: procedure.feeUnit },
    steps: planSteps(procedure, placement.competentAgency.code, null, input.calendar),
    submittedBy: actor,
    ledgerNumber: input.ledgerNumber,
    currentStep: null,
    pauses: [],
    version: 0,
    clockVersion: 0,
  };
  const events: DossierEvent[] = [
    { at, type: 'submitted', agency: dossier.receivingAgency, actor: actor.username },
  ];
  if (!s.decision) return { dossier: nextVersion(dossier), events };
  const decided = decideReception(dossier, s.decision, procedure, actor, now, input.calendar);
  return { dossier: decided.dossier, events: [...events, ...decided.events] };
}

export { decideReception };
export { appointmentFor, planSteps, stepAllowance } from './plan';
