/**
 * Each form's content, as data, from fixed dossiers (tests/fixtures/forms/dossier.ts): the fields
 * the regulation's template asks for, worded in Vietnamese, dates in Vietnam's time, money with dot
 * separators — and a 409 for a form the dossier never reached.
 */
import { DomainRuleError } from '../../../shared/domain/errors';
import { buildForm, FORM_IDS, type FormModel } from '../../../shared/domain/forms';
import { placeDateLine, shortDateTime, vnd } from '../../../shared/domain/forms/wording';
import { trackingUrl } from '../../../shared/usecases/forms';
import { INPUT, REFUSED_INPUT, TRACKING_URL, WITHDRAWN_INPUT } from '../../fixtures/forms/dossier';

/** Every string a form prints, in order: header, title, blocks (table cells too), signatures. */
const printed = (form: FormModel): string =>
  [
    form.formLabel,
    form.header.superior,
    form.header.issuer,
    form.header.contact,
    form.number,
    form.placeDate,
    form.title,
    form.subtitle,
    ...form.blocks.flatMap((b) =>
      b.kind === 'text'
        ? [`${b.label ?? ''}${b.text}`]
        : b.kind === 'table'
          ? [...b.columns.map((c) => c.title), ...b.rows.flat()]
          : [],
    ),
    ...form.signatures.flatMap((s) => [s.title, s.hint, s.name]),
  ]
    .filter(Boolean)
    .join('\n');

describe('form wording', () => {
  it('writes VND with dots between thousands, and times in Vietnam (UTC+7)', () => {
    expect(vnd(1_250_000)).toBe('1.250.000 đồng');
    expect(vnd(0)).toBe('0 đồng');
    expect(vnd(999)).toBe('999 đồng');
    // 01:30 UTC is 08:30 in Hà Nội, the same day; 18:00 UTC is 01:00 the next day.
    expect(shortDateTime('2026-12-01T01:30:00Z')).toBe('08:30 01/12/2026');
    expect(shortDateTime('2026-12-31T18:00:00Z')).toBe('01:00 01/01/2027');
    expect(placeDateLine('Bình Thành', '2026-12-31T18:00:00Z')).toBe('Bình Thành, ngày 01 tháng 01 năm 2027');
  });

  it('builds the tracking URL from the tracking route itself', () => {
    expect(trackingUrl('https://api.example.vn/', 'demo', '000.30.01.H99-261201-0007')).toBe(
      'https://api.example.vn/v1/public/demo/dossiers/000.30.01.H99-261201-0007',
    );
  });
});

describe('form models from a fixed dossier', () => {
  it('01 receipt: every field of the template, from the dossier as received', () => {
    const form = buildForm('01', INPUT);
    expect(form).toMatchObject({
      id: '01',
      formLabel: 'Mẫu số 01',
      header: {
        superior: 'UBND XÃ BÌNH THÀNH',
        issuer: 'BỘ PHẬN MỘT CỬA',
        contact: 'Thôn Đông, xã Bình Thành - Điện thoại: 0299 3812 345',
      },
      number: 'Số: 0007/TNHS',
      placeDate: 'Bình Thành, ngày 01 tháng 12 năm 2026',
      title: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      subtitle: 'Mã hồ sơ: 000.30.01.H99-261201-0007',
      dossierCode: '000.30.01.H99-261201-0007',
      trackingUrl: TRACKING_URL,
      issuedAt: '2026-12-01T08:45:00+07:00',
    });
    const text = printed(form);
    for (const expected of [
      'Ông/bà: Nguyễn Thị Hằng Nga',
      'Số định danh cá nhân/CCCD: 001188012345',
      'Địa chỉ: Thôn Đông, xã Bình Thành, tỉnh Demo',
      'Số điện thoại: 0912345678    Email: nga.nguyen@example.vn',
      'Nội dung yêu cầu giải quyết: Đăng ký biến động quyền sử dụng đất: Đăng ký biến động do chuyển nhượng thửa đất số 125, tờ bản đồ số 7',
      'Hợp đồng chuyển nhượng quyền sử dụng đất có công chứng\nBản sao có chứng thực\n02',
      '3. Thời gian giải quyết hồ sơ theo quy định: 10 ngày làm việc',
      '4. Thời gian nhận hồ sơ: 08 giờ 45 phút, ngày 01/12/2026',
      '5. Thời gian trả kết quả giải quyết hồ sơ: 16 giờ 45 phút, ngày 15/12/2026',
      '6. Đăng ký nhận kết quả tại: Bộ phận Một cửa, Thôn Đông, xã Bình Thành',
      '7. Phí, lệ phí: 1.250.000 đồng/hồ sơ',
      'Vào Sổ theo dõi hồ sơ, số thứ tự: 0007.',
      'NGƯỜI NỘP HỒ SƠ',
      'NGƯỜI TIẾP NHẬN HỒ SƠ',
    ])
      expect(text).toContain(expected);
  });

  it('02 supplement: the latest request, what to add and why, once and complete', () => {
    const form = buildForm('02', INPUT);
    expect(form).toMatchObject({
      title: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
      header: { superior: 'SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG', issuer: 'VĂN PHÒNG ĐĂNG KÝ ĐẤT ĐAI' },
      placeDate: 'Demo, ngày 03 tháng 12 năm 2026',
    });
    const text = printed(form);
    expect(text).toContain('Hợp đồng chuyển nhượng\nThiếu trang 3, bổ sung bản có công chứng');
    expect(text).toContain('Lý do: Hợp đồng chuyển nhượng thiếu trang 3');
    expect(text).toContain('một lần, đầy đủ');
  });

  it('03 refusal: the reason, from the counter that refused', () => {
    const form = buildForm('03', REFUSED_INPUT);
    expect(form.title).toBe('PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ');
    expect(form.header.issuer).toBe('BỘ PHẬN MỘT CỬA');
    expect(printed(form)).toContain('Lý do: Thửa đất đang có tranh chấp, đã có đơn khiếu nại tại UBND xã');
  });

  it('04 apology: the reason for the delay, the old and the new appointment, the signer', () => {
    const form = buildForm('04', INPUT);
    const text = printed(form);
    expect(form.title).toBe('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(text).toContain('hẹn trả kết quả lúc 16 giờ 45 phút, ngày 15/12/2026');
    expect(text).toContain('Lý do: Chờ kết quả đo đạc lại thửa đất');
    expect(text).toContain('16 giờ 00 phút, ngày 18/12/2026');
    expect(form.signatures).toEqual([
      expect.objectContaining({ title: 'THỦ TRƯỞNG CƠ QUAN', name: 'lanhdao.datdai' }),
    ]);
  });

  it('05 suspension: a withdrawal stops processing; otherwise the latest pause', () => {
    const stopped = buildForm('05', WITHDRAWN_INPUT);
    expect(stopped.title).toBe('THÔNG BÁO VỀ VIỆC DỪNG GIẢI QUYẾT HỒ SƠ');
    expect(printed(stopped)).toContain('Lý do: Người nộp xin rút hồ sơ để điều chỉnh hợp đồng');
    const paused = buildForm('05', INPUT);
    expect(paused.title).toBe('THÔNG BÁO VỀ VIỆC TẠM DỪNG GIẢI QUYẾT HỒ SƠ');
    expect(printed(paused)).toContain('Tiếp tục giải quyết từ: 09 giờ 30 phút, ngày 04/12/2026');
  });

  it('06 control sheet: one row per hand-off, Giao/Nhận, hh:mm dd/mm/yyyy, early/on time/late', () => {
    const form = buildForm('06', INPUT);
    const table = form.blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.rows).toEqual([
      [
        '1',
        'Giao: UBND xã Bình Thành (tiepnhan.binhthanh)\nNhận: Văn phòng Đăng ký đất đai',
        '10:15 01/12/2026',
        'Trước hạn',
        'Tiếp nhận',
      ],
      [
        '2',
        'Giao: Văn phòng Đăng ký đất đai (chuyenvien.datdai)\nNhận: Thuế tỉnh Demo',
        '15:30 09/12/2026',
        'Đúng hạn',
        'Thẩm định hồ sơ',
      ],
      [
        '3',
        'Giao: Thuế tỉnh Demo (chuyenvien.thue)\nNhận: Văn phòng Đăng ký đất đai',
        '11:00 14/12/2026',
        'Quá hạn',
        'Xác định nghĩa vụ tài chính. Chờ đo đạc lại',
      ],
      [
        '4',
        'Giao: Văn phòng Đăng ký đất đai (lanhdao.datdai)\nNhận: UBND xã Bình Thành',
        '15:00 17/12/2026',
        'Trước hạn',
        'Phê duyệt, ký',
      ],
      [
        '5',
        'Giao: UBND xã Bình Thành (tiepnhan.binhthanh)\nNhận: Người nộp hồ sơ',
        '09:20 18/12/2026',
        'Trước hạn',
        'Trả kết quả',
      ],
    ]);
    expect(printed(form)).toContain('Cơ quan phối hợp: Thuế tỉnh Demo');
  });

  it('hand-over record: what was returned, how, and against which appointment', () => {
    const text = printed(buildForm('ban-giao', INPUT));
    expect(text).toContain('BIÊN BẢN BÀN GIAO KẾT QUẢ GIẢI QUYẾT HỒ SƠ');
    expect(text).toContain('Hôm nay, lúc 09 giờ 20 phút, ngày 18/12/2026, chúng tôi gồm:');
    expect(text).toContain('2. Kết quả: Bản giấy, số GCN-125');
    expect(text).toContain('5. Kết quả giải quyết: Trước hạn');
  });

  it('a form the dossier never reached is a 409 naming why', () => {
    const notYet = (id: (typeof FORM_IDS)[number], input = REFUSED_INPUT) => {
      try {
        buildForm(id, input);
        return undefined;
      } catch (error) {
        return error;
      }
    };
    // Refused at reception: never received, so no receipt, no control sheet, nothing handed over.
    for (const id of ['01', '02', '04', '05', '06', 'ban-giao'] as const) {
      const error = notYet(id);
      expect(error).toBeInstanceOf(DomainRuleError);
      expect(error).toMatchObject({ status: 409, rule: 'form-not-applicable', field: 'params.form' });
    }
    expect(notYet('03', INPUT)).toMatchObject({ message: expect.stringContaining('was not refused') });
  });

  it('is the same form for the same input', () => {
    for (const id of FORM_IDS) {
      const input = id === '03' ? REFUSED_INPUT : INPUT;
      expect(buildForm(id, input)).toEqual(buildForm(id, structuredClone(input)));
    }
  });
});
