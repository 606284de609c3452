/**
 * Notifications to applicants (issue 13 §3), the pure part: which events make which notification,
 * the exact Vietnamese texts, the masking of what is recorded, the consent rules and the tenant's
 * overrides.
 */
import { OUTBOX_SUBSCRIPTIONS, queuesFor } from '../../../shared/api/queues';
import { tenantSettings } from '../../../shared/api/schemas/catalog';
import type { Dossier } from '../../../shared/domain/dossier/model';
import { EVENT_CATALOG } from '../../../shared/domain/lifecycle/events';
import {
  KIND_OF_EVENT,
  NOTIFICATION_EVENT_TYPES,
  kindOfEvent,
} from '../../../shared/domain/notifications/kinds';
import { maskEmail, maskPhone, toE164 } from '../../../shared/domain/notifications/mask';
import {
  historyLine,
  planNotifications,
  trackingLink,
  type NotificationEvent,
  type TenantFacts,
} from '../../../shared/domain/notifications/plan';
import {
  DEFAULT_TEMPLATES,
  smsText,
  vnDate,
  vnDateTime,
} from '../../../shared/domain/notifications/templates';

const CODE = '000.00.01.H99-261201-0001';
const BASE = 'https://api.motcua.example.gov.vn';

function dossier(
  over: Partial<Dossier> = {},
  notify: Dossier['applicant']['notify'] = { email: true, sms: true },
): Dossier {
  return {
    tenant: 'h99',
    code: CODE,
    procedure: {
      code: 'P1',
      name: 'Đăng ký khai sinh',
      field: 'Hộ tịch',
      onTheSpot: false,
      time: { workingDays: 3 },
    },
    channel: 'online',
    status: 'received',
    receivingAgency: 'UBND-X1',
    competentAgency: 'UBND-X1',
    applicant: {
      kind: 'citizen',
      name: 'Nguyễn Văn An',
      idNumber: '001099000001',
      phone: '0912345678',
      email: 'nguyenvanan@gmail.com',
      address: 'Số 1, phường Một',
      notify,
    },
    request: 'Đăng ký khai sinh cho con',
    documents: [],
    resultDelivery: 'counter',
    submittedAt: '2026-12-01T08:00:00+07:00',
    receivedAt: '2026-12-01T09:00:00+07:00',
    appointmentAt: '2026-12-04T15:30:00+07:00',
    fee: { amount: 0, currency: 'VND', unit: 'dossier' },
    steps: [],
    submittedBy: { subject: 's', username: 'citizen', kind: 'citizen', roles: [] },
    ledgerNumber: 1,
    currentStep: 0,
    pauses: [],
    version: 2,
    clockVersion: 1,
    ...over,
  };
}

const TENANT: TenantFacts = {
  name: 'UBND tỉnh Demo',
  counters: [{ agency: 'UBND-X1', name: 'Bộ phận Một cửa xã Một', address: 'Số 5 đường Hai' }],
};

const event = (type: string, payload: Record<string, unknown> = {}): NotificationEvent => ({
  id: `2026-12-01T02:00:00.000Z#${type}#u1`,
  type,
  occurredAt: '2026-12-01T02:00:00.000Z',
  payload: { at: '2026-12-01T09:00:00+07:00', ...payload },
});

const plan = (e: NotificationEvent, d: Dossier = dossier(), tenant: TenantFacts = TENANT) =>
  planNotifications({ event: e, dossier: d, tenant, publicBaseUrl: `${BASE}/`, agencyName: 'UBND xã Một' });

describe('which events notify', () => {
  it('maps exactly the five kinds of issue 13 §3 to lifecycle events', () => {
    expect(KIND_OF_EVENT).toEqual({
      'dossier.received': 'received',
      'dossier.supplement_requested': 'supplementRequested',
      'dossier.paused': 'supplementRequested',
      'dossier.result_ready': 'resultReady',
      'dossier.apologized': 'apology',
      'dossier.returned': 'returned',
    });
    for (const type of NOTIFICATION_EVENT_TYPES) expect(EVENT_CATALOG).toHaveProperty([type]);
    expect(kindOfEvent('dossier.submitted')).toBeUndefined();
    expect(kindOfEvent('toString')).toBeUndefined();
  });

  it('subscribes the notifications queue to those events only', () => {
    expect(OUTBOX_SUBSCRIPTIONS.notifications).toEqual({ only: NOTIFICATION_EVENT_TYPES });
    for (const type of Object.keys(EVENT_CATALOG))
      expect(queuesFor(type).includes('notifications')).toBe(NOTIFICATION_EVENT_TYPES.includes(type));
  });
});

describe('masking', () => {
  it('keeps the first letter and the domain of an e-mail', () => {
    expect(maskEmail('nguyenvanan@gmail.com')).toBe('n***@gmail.com');
    expect(maskEmail('a@b.vn')).toBe('a***@b.vn');
    expect(maskEmail('broken')).toBe('***');
  });
  it('keeps the first two and last two digits of a phone, in its local form', () => {
    expect(maskPhone('0912345678')).toBe('09******78');
    expect(maskPhone('+84912345678')).toBe('09******78');
    expect(maskPhone('02838123456')).toBe('02*******56');
  });
  it('writes numbers in E.164 for the SMS provider', () => {
    expect(toE164('0912345678')).toBe('+84912345678');
    expect(toE164('+84912345678')).toBe('+84912345678');
  });
  it('the dates in Vietnam time', () => {
    expect(vnDate('2026-12-31T18:00:00Z')).toBe('01/01/2027');
    expect(vnDateTime('2026-12-04T08:30:00Z')).toBe('15:30 ngày 04/12/2026');
  });
});

describe('templates (exact texts)', () => {
  it('received: e-mail and SMS with the appointment', () => {
    const [email, sms] = plan(event('dossier.received', { appointmentAt: '2026-12-04T15:30:00+07:00' }));
    expect(email).toMatchObject({
      id: `${event('dossier.received').id}#email`,
      channel: 'email',
      to: 'nguyenvanan@gmail.com',
      toMasked: 'n***@gmail.com',
      subject: `Hồ sơ ${CODE} đã được tiếp nhận`,
      summary: "Đã gửi thông báo 'Đã tiếp nhận hồ sơ' qua e-mail n***@gmail.com",
    });
    expect(email.text).toBe(
      'Kính gửi ông/bà Nguyễn Văn An,\n\n' +
        `Hồ sơ ${CODE} (Đăng ký khai sinh) đã được tiếp nhận ngày 01/12/2026.\n` +
        'Ngày hẹn trả kết quả: 15:30 ngày 04/12/2026.\n\n' +
        `Tra cứu tình trạng hồ sơ: ${BASE}/v1/public/h99/dossiers/${CODE}\n\n` +
        'Trân trọng,\nUBND tỉnh Demo',
    );
    expect(sms).toMatchObject({ channel: 'sms', to: '+84912345678', toMasked: '09******78' });
    expect(sms.text).toBe(
      `UBND tinh Demo: Ho so ${CODE} da duoc tiep nhan ngay 01/12/2026. Hen tra ket qua: 15:30 ngay 04/12/2026.`,
    );
    expect(sms.summary).toBe("Đã gửi thông báo 'Đã tiếp nhận hồ sơ' qua SMS 09******78");
  });

  it('supplement requested at reception: what and why', () => {
    const d = dossier({
      status: 'supplementRequested',
      supplementRequest: {
        items: [{ document: 'Giấy chứng sinh', reason: 'bản mờ' }],
        note: 'thiếu giấy tờ',
        at: '2026-12-01T09:00:00+07:00',
        by: 'tiepnhan',
      },
    });
    const [email, sms] = plan(event('dossier.supplement_requested'), d);
    expect(email.subject).toBe(`Hồ sơ ${CODE} cần bổ sung`);
    expect(email.text).toContain('Lý do: thiếu giấy tờ\nGiấy tờ cần bổ sung:\n- Giấy chứng sinh: bản mờ\n');
    expect(sms.text).toBe(
      `UBND tinh Demo: Ho so ${CODE} can bo sung: Giay chung sinh. Chi tiet xem e-mail hoac lien he bo phan mot cua.`,
    );
  });

  it('supplement requested in processing: the pause opened at the event', () => {
    const d = dossier({
      status: 'paused',
      pauses: [
        {
          from: '2026-11-30T10:00:00+07:00',
          to: '2026-11-30T11:00:00+07:00',
          stepIndex: 0,
          reason: 'cũ',
          items: [{ document: 'A', reason: 'a' }],
          by: 'cv',
        },
        {
          from: '2026-12-01T09:00:00+07:00',
          stepIndex: 0,
          reason: 'cần xác minh',
          items: [{ document: 'Tờ khai', reason: 'thiếu chữ ký' }],
          by: 'cv',
        },
      ],
    });
    const [email] = plan(event('dossier.paused'), d);
    expect(email.text).toContain('Lý do: cần xác minh\nGiấy tờ cần bổ sung:\n- Tờ khai: thiếu chữ ký\n');
  });

  it('result ready: where to collect it', () => {
    const [email, sms] = plan(event('dossier.result_ready'), dossier({ status: 'resultReady' }));
    expect(email.text).toContain('Mời ông/bà đến nhận kết quả tại Bộ phận Một cửa xã Một, Số 5 đường Hai.');
    expect(sms.text).toBe(
      `UBND tinh Demo: Ho so ${CODE} da co ket qua. Moi ong/ba den nhan ket qua tai Bo phan Mot cua xa Mot, So 5 duong Hai.`,
    );
    const [byPost] = plan(event('dossier.result_ready'), dossier({ resultDelivery: 'post' }));
    expect(byPost.text).toContain('Kết quả sẽ được gửi qua dịch vụ bưu chính đến địa chỉ ông/bà đã đăng ký.');
    const [noCounter] = plan(event('dossier.result_ready'), dossier(), { name: 'UBND tỉnh Demo' });
    expect(noCounter.text).toContain('Mời ông/bà đến nhận kết quả tại UBND xã Một.');
  });

  it('apology: the reason and the new date', () => {
    const d = dossier({
      apology: {
        reason: 'cần lấy ý kiến cơ quan khác',
        previousAppointmentAt: '2026-12-04T15:30:00+07:00',
        newAppointmentAt: '2026-12-08T10:00:00+07:00',
        at: '2026-12-02T09:00:00+07:00',
        by: 'lanhdao',
      },
    });
    const [email, sms] = plan(event('dossier.apologized'), d);
    expect(email.subject).toBe(`Thư xin lỗi và hẹn lại ngày trả kết quả hồ sơ ${CODE}`);
    expect(email.text).toContain(
      'Lý do: cần lấy ý kiến cơ quan khác\nNgày hẹn trả kết quả mới: 10:00 ngày 08/12/2026.',
    );
    expect(sms.text).toBe(
      `UBND tinh Demo: Xin loi ong/ba, ho so ${CODE} chua giai quyet dung hen. Hen tra ket qua moi: 10:00 ngay 08/12/2026.`,
    );
  });

  it('returned: how, with the tracking number by post', () => {
    const d = dossier({
      status: 'returned',
      returned: {
        method: 'post',
        trackingNumber: 'EV123456789VN',
        at: '2026-12-03T10:00:00+07:00',
        by: 'tn',
      },
    });
    const [email, sms] = plan(event('dossier.returned', { at: '2026-12-03T10:00:00+07:00' }), d);
    expect(email.text).toContain(
      `Kết quả hồ sơ ${CODE} (Đăng ký khai sinh) đã được trả ngày 03/12/2026 qua dịch vụ bưu chính, số vận đơn EV123456789VN.`,
    );
    expect(sms.text).toBe(
      `UBND tinh Demo: Ket qua ho so ${CODE} da duoc tra ngay 03/12/2026 qua dich vu buu chinh, so van don EV123456789VN. Cam on ong/ba.`,
    );
  });

  it('default SMS fit one GSM-7 segment for a usual dossier', () => {
    for (const [kind, template] of Object.entries(DEFAULT_TEMPLATES)) {
      const text = smsText(
        template.sms.replace(/\{(\w+)\}/g, (_, k: string) =>
          k === 'code'
            ? CODE
            : k === 'sender'
              ? 'UBND tinh Demo'
              : k === 'place'
                ? 'Moi nhan tai Bo phan Mot cua xa Mot.'
                : '15:30 ngay 04/12/2026',
        ),
      );
      expect([kind, text.length <= 160]).toEqual([kind, true]);
      expect(text).toMatch(/^[\x20-\x7e]*$/);
    }
  });

  it('the tracking link is the public page', () => {
    expect(trackingLink('http://127.0.0.1:3000/', 'h99', 'A.1-2')).toBe(
      'http://127.0.0.1:3000/v1/public/h99/dossiers/A.1-2',
    );
  });
});

describe('consent', () => {
  const received = event('dossier.received');
  it('no consent, no message', () => {
    const none = dossier();
    delete none.applicant.notify;
    expect(plan(received, none)).toEqual([]);
    expect(plan(received, dossier({}, {}))).toEqual([]);
    expect(plan(received, dossier({}, { email: false, sms: false }))).toEqual([]);
  });
  it('each channel on its own consent', () => {
    expect(plan(received, dossier({}, { sms: true })).map((m) => m.channel)).toEqual(['sms']);
    expect(plan(received, dossier({}, { email: true })).map((m) => m.channel)).toEqual(['email']);
  });
  it('e-mail consent without an address sends nothing by e-mail', () => {
    const d = dossier({}, { email: true, sms: true });
    delete d.applicant.email;
    expect(plan(received, d).map((m) => m.channel)).toEqual(['sms']);
  });
  it('events outside the list send nothing', () => {
    expect(plan(event('dossier.submitted'))).toEqual([]);
    expect(plan(event('dossier.refused'))).toEqual([]);
  });
});

describe('tenant overrides', () => {
  it('sender name, enabled kinds and a template of its own', () => {
    const tenant: TenantFacts = {
      ...TENANT,
      notifications: {
        senderName: 'Trung tâm PVHCC Demo',
        enabledKinds: ['received', 'returned'],
        templates: {
          received: {
            subject: '[{sender}] Đã nhận hồ sơ {code}',
            sms: 'Da nhan ho so {code}, hen {appointment}',
          },
        },
      },
    };
    const [email, sms] = plan(
      event('dossier.received', { appointmentAt: '2026-12-04T15:30:00+07:00' }),
      dossier(),
      tenant,
    );
    expect(email.subject).toBe(`[Trung tâm PVHCC Demo] Đã nhận hồ sơ ${CODE}`);
    expect(email.text.endsWith('Trân trọng,\nTrung tâm PVHCC Demo')).toBe(true);
    expect(sms.text).toBe(`Da nhan ho so ${CODE}, hen 15:30 ngay 04/12/2026`);
    expect(plan(event('dossier.apologized'), dossier(), tenant)).toEqual([]);
  });

  it('the settings schema takes known placeholders and refuses others', () => {
    const base = {
      name: 'Demo',
      provinceCode: 'H99',
      officeHours: [['07:30', '17:00']],
      workingWeekdays: [1, 2, 3, 4, 5],
    };
    expect(
      tenantSettings.safeParse({
        ...base,
        notifications: { templates: { received: { sms: 'Ho so {code}' } } },
      }).success,
    ).toBe(true);
    const bad = tenantSettings.safeParse({
      ...base,
      notifications: { templates: { received: { sms: 'Ho so {cccd}' } } },
    });
    expect(bad.success).toBe(false);
    expect(tenantSettings.safeParse({ ...base, notifications: { enabledKinds: ['refused'] } }).success).toBe(
      false,
    );
    expect(tenantSettings.safeParse(base).success).toBe(true);
  });

  it('a history line says what was sent, or not yet', () => {
    const s = "Đã gửi thông báo 'Đã có kết quả' qua SMS 09******78";
    expect(historyLine(s, 'sent')).toBe(s);
    expect(historyLine(s, 'failed')).toBe("Chưa gửi được thông báo 'Đã có kết quả' qua SMS 09******78");
    expect(historyLine(s, 'sending')).toBe("Đang gửi thông báo 'Đã có kết quả' qua SMS 09******78");
  });
});
