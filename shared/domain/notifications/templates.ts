/**
 * The messages, in Vietnamese: a subject and a plain-text body for e-mail, a short text for SMS.
 * Each is a template with `{placeholders}`; a tenant may replace any of them (tenant settings
 * `notifications.templates`), the defaults are here.
 *
 * SMS are sent WITHOUT diacritics: a message with any Vietnamese letter outside GSM-7 is sent as
 * UCS-2, where a segment holds 70 characters instead of 160, so the same news costs two or three
 * segments instead of one. Unaccented Vietnamese is what Vietnamese brand-name SMS commonly use
 * and is read without trouble. The defaults stay under 160 characters for a usual dossier (a
 * unit test checks it); the tracking link goes in the e-mail only, because a deployed API's URL
 * alone would take most of a segment (the code is enough to look the dossier up).
 */
import { toVnIso } from '../vn-time';
import type { NotificationKind } from './kinds';
import { PLACEHOLDERS, unknownPlaceholders, type Placeholder, type TemplateValues } from './placeholders';

export { PLACEHOLDERS, unknownPlaceholders, type Placeholder, type TemplateValues };

export interface MessageTemplate {
  subject: string;
  email: string;
  sms: string;
}

const LINK = 'Tra cứu tình trạng hồ sơ: {link}';
const SIGN = 'Trân trọng,\n{sender}';

export const DEFAULT_TEMPLATES: Readonly<Record<NotificationKind, MessageTemplate>> = {
  received: {
    subject: 'Hồ sơ {code} đã được tiếp nhận',
    email:
      'Kính gửi ông/bà {name},\n\nHồ sơ {code} ({procedure}) đã được tiếp nhận ngày {date}.\n' +
      `Ngày hẹn trả kết quả: {appointment}.\n\n${LINK}\n\n${SIGN}`,
    sms: '{sender}: Ho so {code} da duoc tiep nhan ngay {date}. Hen tra ket qua: {appointment}.',
  },
  supplementRequested: {
    subject: 'Hồ sơ {code} cần bổ sung',
    email:
      'Kính gửi ông/bà {name},\n\nHồ sơ {code} ({procedure}) cần được bổ sung, hoàn thiện.\n' +
      `Lý do: {reason}\nGiấy tờ cần bổ sung:\n{items}\n\n${LINK}\n\n${SIGN}`,
    sms: '{sender}: Ho so {code} can bo sung: {items}. Chi tiet xem e-mail hoac lien he bo phan mot cua.',
  },
  resultReady: {
    subject: 'Hồ sơ {code} đã có kết quả',
    email: `Kính gửi ông/bà {name},\n\nHồ sơ {code} ({procedure}) đã có kết quả.\n{place}\n\n${LINK}\n\n${SIGN}`,
    sms: '{sender}: Ho so {code} da co ket qua. {place}',
  },
  apology: {
    subject: 'Thư xin lỗi và hẹn lại ngày trả kết quả hồ sơ {code}',
    email:
      'Kính gửi ông/bà {name},\n\nChúng tôi chân thành xin lỗi ông/bà vì hồ sơ {code} ({procedure}) ' +
      'chưa giải quyết được đúng hẹn.\nLý do: {reason}\n' +
      `Ngày hẹn trả kết quả mới: {newAppointment}.\n\n${LINK}\n\n${SIGN}`,
    sms: '{sender}: Xin loi ong/ba, ho so {code} chua giai quyet dung hen. Hen tra ket qua moi: {newAppointment}.',
  },
  returned: {
    subject: 'Hồ sơ {code} đã trả kết quả',
    email:
      'Kính gửi ông/bà {name},\n\nKết quả hồ sơ {code} ({procedure}) đã được trả ngày {date} {method}.\n' +
      `Cảm ơn ông/bà đã sử dụng dịch vụ.\n\n${LINK}\n\n${SIGN}`,
    sms: '{sender}: Ket qua ho so {code} da duoc tra ngay {date} {method}. Cam on ong/ba.',
  },
};

/** Replaces each `{placeholder}` with its value; an unknown or missing one becomes empty. */
export function fill(template: string, values: TemplateValues): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key as Placeholder] ?? '');
}

/** Vietnamese without tone marks, vowel hats or đ, case kept: GSM-7 text for SMS. */
export function withoutDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

/** An SMS text: one line, no diacritics, single spaces. */
export const smsText = (text: string): string =>
  withoutDiacritics(text)
    .replace(/\s+/g, ' ')
    .replace(/\s+([.,:;])/g, '$1')
    .trim();

/** `2027-02-05T15:30:00+07:00` (any instant) → `05/02/2027`, in Vietnam's time. */
export function vnDate(instant: string): string {
  const [date] = toVnIso(new Date(instant)).split('T');
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

/** → `15:30 ngày 05/02/2027`, in Vietnam's time. */
export function vnDateTime(instant: string): string {
  const [, time] = toVnIso(new Date(instant)).split('T');
  return `${time.slice(0, 5)} ngày ${vnDate(instant)}`;
}
