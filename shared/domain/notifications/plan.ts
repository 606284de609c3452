/**
 * What one outbox event tells the applicant, pure: the kind (./kinds.ts), the facts the message
 * needs read from the dossier as it is now, the tenant's settings (enabled kinds, sender name,
 * template overrides) and the applicant's consent, per channel. No consent, no message: a channel
 * is used only when the applicant said yes to it at submission (`applicant.notify`) and gave its
 * address (the phone is always given; the e-mail is optional).
 */
import type { Dossier } from '../dossier/model';
import {
  CHANNEL_LABELS,
  KIND_LABELS,
  kindOfEvent,
  type NotificationChannel,
  type NotificationKind,
} from './kinds';
import { maskEmail, maskPhone, toE164 } from './mask';
import {
  DEFAULT_TEMPLATES,
  fill,
  smsText,
  vnDate,
  vnDateTime,
  type MessageTemplate,
  type TemplateValues,
} from './templates';

/** The tenant settings' `notifications` part (validated by shared/api/schemas/catalog.ts). */
export interface TenantNotificationSettings {
  /** The name messages are signed with; default: the tenant's name. */
  senderName?: string;
  /** Default: every kind. */
  enabledKinds?: readonly NotificationKind[];
  templates?: Partial<Record<NotificationKind, Partial<MessageTemplate>>>;
}

/** What the planner reads of the tenant: its name, its counters and its notification settings. */
export interface TenantFacts {
  name: string;
  counters?: ReadonlyArray<{ agency: string; name: string; address?: string }>;
  notifications?: TenantNotificationSettings;
}

/** The outbox event, as the bus message carries it. */
export interface NotificationEvent {
  /** The outbox item's id: with the channel, it names the notification (deduplication). */
  id: string;
  type: string;
  occurredAt: string;
  payload: Record<string, unknown>;
}

export interface PlannedMessage {
  /** `<event id>#<channel>`: the same on every redelivery of the event. */
  id: string;
  kind: NotificationKind;
  channel: NotificationChannel;
  /** The full address, for the sender only: never recorded. */
  to: string;
  /** What the history keeps of the address. */
  toMasked: string;
  /** E-mail only. */
  subject?: string;
  text: string;
  /** The history line: what was sent, how, to whom (masked), no body. */
  summary: string;
}

export const notificationId = (eventId: string, channel: NotificationChannel): string =>
  `${eventId}#${channel}`;

/** `<PUBLIC_BASE_URL>/v1/public/<tenant>/dossiers/<code>`: the public tracking page. */
export const trackingLink = (publicBaseUrl: string, tenant: string, code: string): string =>
  `${publicBaseUrl.replace(/\/+$/, '')}/v1/public/${encodeURIComponent(tenant)}/dossiers/${encodeURIComponent(code)}`;

const RESULT_METHODS = {
  counter: 'tại bộ phận một cửa',
  post: 'qua dịch vụ bưu chính',
  online: 'trực tuyến',
} as const;

/** Where the applicant collects the result: the receiving counter, the post, or online. */
function placeOf(dossier: Dossier, tenant: TenantFacts, agencyName: string | undefined): string {
  if (dossier.resultDelivery === 'post')
    return 'Kết quả sẽ được gửi qua dịch vụ bưu chính đến địa chỉ ông/bà đã đăng ký.';
  if (dossier.resultDelivery === 'online')
    return 'Kết quả được trả trực tuyến, ông/bà xem và tải về tại trang tra cứu hồ sơ.';
  const counter = tenant.counters?.find((c) => c.agency === dossier.receivingAgency);
  const name = counter?.name ?? agencyName ?? dossier.receivingAgency;
  const at = counter?.address ? `${name}, ${counter.address}` : name;
  return `Mời ông/bà đến nhận kết quả tại ${at}.`;
}

/** The supplement the event asks for: the reception request, or the pause opened at that instant. */
function supplementOf(dossier: Dossier, event: NotificationEvent) {
  const at = typeof event.payload.at === 'string' ? event.payload.at : undefined;
  if (event.type === 'dossier.paused') {
    const pause = [...dossier.pauses].reverse().find((p) => at === undefined || p.from === at);
    return pause && { reason: pause.reason, items: pause.items };
  }
  const request = dossier.supplementRequest;
  return request && { reason: request.note, items: request.items };
}

/** The values every template of `kind` may use, for this dossier and event. */
export function templateValues(
  kind: NotificationKind,
  event: NotificationEvent,
  dossier: Dossier,
  tenant: TenantFacts,
  context: { link: string; agencyName?: string },
): TemplateValues {
  const at = typeof event.payload.at === 'string' ? event.payload.at : event.occurredAt;
  const appointment =
    typeof event.payload.appointmentAt === 'string' ? event.payload.appointmentAt : dossier.appointmentAt;
  const values: TemplateValues = {
    sender: tenant.notifications?.senderName ?? tenant.name,
    name:
      dossier.applicant.kind === 'organization' && dossier.applicant.organizationName
        ? dossier.applicant.organizationName
        : dossier.applicant.name,
    code: dossier.code,
    procedure: dossier.procedure.name,
    date: vnDate(at),
    appointment: appointment ? vnDateTime(appointment) : '',
    link: context.link,
  };
  if (kind === 'supplementRequested') {
    const supplement = supplementOf(dossier, event);
    values.reason = supplement?.reason ?? 'hồ sơ chưa đầy đủ';
    values.items = (supplement?.items ?? []).map((i) => `- ${i.document}: ${i.reason}`).join('\n');
  }
  if (kind === 'resultReady') values.place = placeOf(dossier, tenant, context.agencyName);
  if (kind === 'apology' && dossier.apology) {
    values.reason = dossier.apology.reason;
    values.newAppointment = vnDateTime(dossier.apology.newAppointmentAt);
  }
  if (kind === 'returned' && dossier.returned) {
    const { method, trackingNumber } = dossier.returned;
    values.method =
      method === 'post' && trackingNumber
        ? `${RESULT_METHODS.post}, số vận đơn ${trackingNumber}`
        : RESULT_METHODS[method];
  }
  return values;
}

/** SMS: the items as one short line (documents only, at most 60 characters). */
function smsValues(values: TemplateValues): TemplateValues {
  if (values.items === undefined) return values;
  const documents = values.items
    .split('\n')
    .map((line) => line.replace(/^- /, '').split(':')[0])
    .join('; ');
  return { ...values, items: documents.length > 60 ? `${documents.slice(0, 57)}...` : documents };
}

/** The history line of one message: "Đã gửi thông báo 'Hồ sơ cần bổ sung' qua e-mail n***@gmail.com". */
export const summaryOf = (kind: NotificationKind, channel: NotificationChannel, toMasked: string): string =>
  `Đã gửi thông báo '${KIND_LABELS[kind]}' qua ${CHANNEL_LABELS[channel]} ${toMasked}`;

/** The control sheet's line for a record: the summary while sent, said as not (yet) sent otherwise. */
export function historyLine(summary: string, status: 'sending' | 'sent' | 'failed'): string {
  if (status === 'sent') return summary;
  return summary.replace(/^Đã gửi/, status === 'sending' ? 'Đang gửi' : 'Chưa gửi được');
}

export interface PlanInput {
  event: NotificationEvent;
  dossier: Dossier;
  tenant: TenantFacts;
  /** The API's public base URL (PUBLIC_BASE_URL). */
  publicBaseUrl: string;
  /** The receiving agency's name, for "where to collect". */
  agencyName?: string;
}

/** The messages one event sends: none, e-mail, SMS or both. */
export function planNotifications(input: PlanInput): PlannedMessage[] {
  const { event, dossier, tenant } = input;
  const kind = kindOfEvent(event.type);
  if (!kind) return [];
  const settings = tenant.notifications;
  if (settings?.enabledKinds && !settings.enabledKinds.includes(kind)) return [];
  const consent = dossier.applicant.notify ?? {};
  const link = trackingLink(input.publicBaseUrl, dossier.tenant, dossier.code);
  const values = templateValues(kind, event, dossier, tenant, { link, agencyName: input.agencyName });
  const template: MessageTemplate = { ...DEFAULT_TEMPLATES[kind], ...settings?.templates?.[kind] };
  const out: PlannedMessage[] = [];
  const email = dossier.applicant.email;
  if (consent.email === true && email) {
    const toMasked = maskEmail(email);
    out.push({
      id: notificationId(event.id, 'email'),
      kind,
      channel: 'email',
      to: email,
      toMasked,
      subject: fill(template.subject, values).replace(/\s+/g, ' ').trim(),
      text: fill(template.email, values),
      summary: summaryOf(kind, 'email', toMasked),
    });
  }
  if (consent.sms === true && dossier.applicant.phone) {
    const toMasked = maskPhone(dossier.applicant.phone);
    out.push({
      id: notificationId(event.id, 'sms'),
      kind,
      channel: 'sms',
      to: toE164(dossier.applicant.phone),
      toMasked,
      text: smsText(fill(template.sms, smsValues(values))),
      summary: summaryOf(kind, 'sms', toMasked),
    });
  }
  return out;
}
