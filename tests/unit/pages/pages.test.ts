/**
 * Each public page rendered from fixed data (the demo province, a dossier received in memory):
 * the exact Vietnamese words, the masked name and nothing personal on the tracking page, the
 * accent-free search on the catalog page, untrusted names escaped, and the frame's accessibility
 * basics (lang, skip link, one h1, labelled search).
 */
import { buildOpenApiDocument } from '../../../shared/api/openapi';
import { ROUTES } from '../../../shared/api/routes';
import { searchProcedures } from '../../../shared/domain/catalog/search';
import { decideReception, newDossier, placeSubmission } from '../../../shared/domain/dossier/reception';
import { trackingView } from '../../../shared/domain/dossier/views';
import { submitDossier } from '../../../shared/api/schemas/dossier';
import type { Actor } from '../../../shared/domain/dossier/model';
import { apiReferencePage, type OpenApiDocument } from '../../../shared/pages/api-reference';
import { catalogPage } from '../../../shared/pages/catalog';
import { errorPage } from '../../../shared/pages/errors';
import { feeText, vnDateTime, vnd } from '../../../shared/pages/format';
import { prefersHtml } from '../../../shared/pages/negotiate';
import { procedurePage } from '../../../shared/pages/procedure';
import { CONTENT_SECURITY_POLICY, STYLESHEET } from '../../../shared/pages/style';
import { trackingFormPage, trackingPage } from '../../../shared/pages/tracking';
import { calendarForTenant } from '../../../shared/usecases/tenant-calendar';
import { demoAgencies, demoProcedures, demoTenant, procedureOf } from '../../fixtures/demo-province';
import { createHash } from 'node:crypto';

const calendar = calendarForTenant(demoTenant);
const staff: Actor = {
  subject: 's-1',
  username: 'tiepnhan.binhthanh',
  kind: 'staff',
  agency: '000.30.01.H99',
  roles: ['reception', 'specialist'],
};
const APPLICANT = {
  name: 'Nguyễn Văn An',
  idNumber: '001099012345',
  phone: '0912345678',
  email: 'an@example.vn',
  address: 'Thôn 1, xã Bình Thành',
};
const chrome = { tenant: 'demo', provinceName: 'Tỉnh Demo', lang: 'vi' as const };
const now = new Date('2024-12-02T02:00:00Z');

function receivedView() {
  const submission = submitDossier.parse({
    procedureCode: '1.004227',
    channel: 'counter',
    applicant: APPLICANT,
    request: 'Đăng ký biến động do chuyển nhượng',
  });
  const procedure = procedureOf('1.004227');
  const created = newDossier({
    tenant: 'demo',
    code: '000.30.01.H99-241202-0001',
    ledgerNumber: 1,
    submission,
    procedure,
    placement: placeSubmission(submission, procedure, staff, demoAgencies),
    actor: staff,
    now,
    calendar,
  });
  const decided = decideReception(created.dossier, { outcome: 'accept' }, procedure, staff, now, calendar);
  return trackingView(decided.dossier, [...created.events, ...decided.events], demoAgencies, now);
}

/** Text a reader sees: tags dropped, entities of the escaper decoded, spaces folded. */
const visible = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describe('pages/format', () => {
  it('writes instants in Vietnam time as dd/mm/yyyy HH:mm and money as VND', () => {
    expect(vnDateTime('2024-12-02T02:00:00Z')).toBe('02/12/2024 09:00');
    expect(vnDateTime('2024-12-31T23:30:00+07:00')).toBe('31/12/2024 23:30');
    expect(vnd(50000, 'Miễn phí')).toBe('50.000 đ');
    expect(vnd(1_250_000, 'Miễn phí')).toBe('1.250.000 đ');
    expect(feeText({ fee: 0, feeUnit: 'dossier' }, 'vi')).toBe('Miễn phí');
    expect(feeText({ fee: 2000, feeUnit: 'copy' }, 'vi')).toBe('2.000 đ/bản');
    expect(feeText({ fee: 2000, feeUnit: 'copy' }, 'en')).toBe('2.000 đ per copy');
  });
});

describe('pages/negotiate', () => {
  it.each([
    ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', true],
    ['text/html', true],
    ['*/*', false],
    ['application/json', false],
    ['application/json, text/html;q=0.5', false],
    ['text/html, application/json', false],
    ['text/html;q=0, */*', false],
    ['*/*;q=x', false],
    ['', false],
  ])('Accept %j → HTML %s', (accept, html) => {
    expect(prefersHtml(accept)).toBe(html);
  });
  it('no Accept header: JSON', () => expect(prefersHtml(undefined)).toBe(false));
});

describe('pages/tracking', () => {
  const view = receivedView();
  const page = trackingPage(view, chrome);
  const text = visible(page);

  it('shows status, dates, appointment, timeliness and steps in Vietnamese', () => {
    expect(text).toContain('Tra cứu tiến độ hồ sơ');
    expect(text).toContain('Hồ sơ 000.30.01.H99-241202-0001');
    expect(text).toContain('Thủ tục Đăng ký biến động quyền sử dụng đất do chuyển nhượng');
    expect(text).toContain('Trạng thái Đã tiếp nhận');
    expect(text).toContain('Nơi tiếp nhận UBND xã Bình Thành');
    expect(text).toContain('Ngày tiếp nhận 02/12/2024 09:00');
    expect(text).toContain(`Ngày hẹn trả kết quả ${vnDateTime(view.appointmentAt as string)}`);
    expect(text).toContain('Tiến độ Trong hạn');
    expect(text).toContain('Tiếp nhận — UBND xã Bình Thành Đang xử lý');
    expect(text).toContain('Thẩm định hồ sơ — Văn phòng Đăng ký đất đai Chưa đến');
    expect(text).toContain('02/12/2024 09:00 Tiếp nhận hồ sơ, hẹn trả kết quả UBND xã Bình Thành');
  });

  it('shows the masked name only: no ID number, phone, email, address or full name anywhere', () => {
    expect(text).toContain('Người nộp N***** V** A*');
    for (const secret of [
      APPLICANT.idNumber,
      APPLICANT.phone,
      APPLICANT.email,
      APPLICANT.address,
      APPLICANT.name,
    ])
      expect(page).not.toContain(secret);
  });

  it('has lang, a skip link to main, one h1 and no script', () => {
    expect(page).toMatch(/^<!doctype html>\n<html lang="vi">/);
    expect(page).toContain('<a class="skip" href="#main">Bỏ qua, đến nội dung chính</a>');
    expect(page.match(/<h1[ >]/g)).toHaveLength(1);
    expect(page).toContain('<main id="main"');
    expect(page).not.toMatch(/<script|\son\w+=/i);
  });

  it('switches its chrome to English with lang=en; the recorded content stays Vietnamese', () => {
    const en = trackingPage(view, { ...chrome, lang: 'en' });
    expect(en).toContain('<html lang="en">');
    expect(visible(en)).toContain('Result due');
    expect(visible(en)).toContain('Timeliness Within the time limit');
    expect(visible(en)).toContain('Status Đã tiếp nhận');
    expect(en).toContain('<input type="hidden" name="lang" value="en" />');
  });

  it('the form page says when a code names no dossier, and keeps the code typed', () => {
    const notFound = trackingFormPage(chrome, { kind: 'notFound', code: '000.30.01.H99-241202-9999' });
    expect(visible(notFound)).toContain('Không tìm thấy hồ sơ có mã 000.30.01.H99-241202-9999.');
    expect(notFound).toContain('value="000.30.01.H99-241202-9999"');
    expect(notFound).toContain('<label for="code">Mã hồ sơ</label>');
  });

  it('the error page for a malformed code says so, with the form', () => {
    const bad = errorPage(400, 'vi', 'demo', '/v1/public/demo/dossiers/x', true);
    expect(visible(bad)).toContain('Mã hồ sơ không đúng định dạng');
    expect(bad).toContain('aria-invalid="true"');
  });
});

describe('pages/catalog', () => {
  const all = [...demoProcedures.values()];

  it('finds "Đăng ký khai sinh" for "khai sinh" typed without diacritics, and echoes the search', () => {
    const items = searchProcedures(all, { q: 'khai sinh' });
    const page = catalogPage({ items, count: items.length, q: 'khai sinh' }, chrome);
    expect(visible(page)).toContain('Tìm thấy 1 thủ tục');
    expect(page).toContain('>Đăng ký khai sinh</a>');
    expect(page).not.toContain('Chứng thực bản sao');
    expect(page).toContain('value="khai sinh"');
    expect(page).toContain('<label for="q">Tìm thủ tục (gõ có dấu hoặc không dấu)</label>');
    expect(page).toContain('href="/v1/public/demo/procedures/1.001193"');
  });

  it('says when nothing matches, and links the next page when there is one', () => {
    expect(visible(catalogPage({ items: [], count: 0, q: 'zzz' }, chrome))).toContain(
      'Không có thủ tục nào khớp. Thử từ khóa khác.',
    );
    const paged = catalogPage({ items: all.slice(0, 1), count: 5, nextCursor: 'abc', q: 'đất' }, chrome);
    expect(paged).toContain('href="/v1/public/demo/procedures?q=%C4%91%E1%BA%A5t&amp;cursor=abc"');
  });

  it('escapes a procedure name carrying <script>', () => {
    const evil = { ...procedureOf('1.001193'), name: '<script>alert(1)</script>Khai sinh' };
    const page = catalogPage({ items: [evil], count: 1 }, chrome);
    expect(page).not.toContain('<script>');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;Khai sinh');
    expect(procedurePage(evil, demoAgencies, chrome)).not.toContain('<script>');
  });
});

describe('pages/procedure', () => {
  it('shows documents, fee in VND, time limit, where to submit and the online level', () => {
    const text = visible(procedurePage(procedureOf('1.004227'), demoAgencies, chrome));
    expect(text).toContain('Lệ phí 50.000 đ');
    expect(text).toContain('Thời hạn giải quyết 10 ngày làm việc');
    expect(text).toContain('Dịch vụ công trực tuyến Một phần');
    expect(text).toContain('Cơ quan giải quyết Văn phòng Đăng ký đất đai');
    expect(text).toContain('Thành phần hồ sơ Đơn đăng ký biến động Hợp đồng chuyển nhượng có công chứng');
    expect(text).toContain(
      'Điểm tiếp nhận (Bộ phận Một cửa) Trung tâm Phục vụ hành chính công tỉnh UBND xã Bình Thành UBND phường Hòa Thuận',
    );
  });

  it('a commune procedure is submitted at the communes’ counters, for free', () => {
    const text = visible(procedurePage(procedureOf('1.001193'), demoAgencies, chrome));
    expect(text).toContain('Lệ phí Miễn phí');
    expect(text).toContain('Cơ quan giải quyết Ủy ban nhân dân cấp xã nơi nộp hồ sơ');
    expect(text).toContain('Điểm tiếp nhận (Bộ phận Một cửa) UBND xã Bình Thành UBND phường Hòa Thuận');
    expect(text).not.toContain('Trung tâm Phục vụ hành chính công tỉnh');
  });
});

describe('pages/api-reference', () => {
  const page = apiReferencePage(buildOpenApiDocument() as unknown as OpenApiDocument, 'vi');

  it('lists every operation of the route table, grouped under its tag', () => {
    for (const route of ROUTES.filter((r) => r.path !== '$default'))
      expect([route.id, page.includes(`id="${route.id}"`)]).toEqual([route.id, true]);
    expect(page).toContain('<h2 id="tag-tracking">tracking</h2>');
    expect(page).toContain('<code>text/html</code>');
    expect(page).toContain('<a href="/v1/openapi.json">');
  });
});

describe('pages/style', () => {
  it('the CSP forbids scripts and allows the one stylesheet by its hash', () => {
    const hash = createHash('sha256').update(STYLESHEET).digest('base64');
    expect(CONTENT_SECURITY_POLICY).toContain(`style-src 'sha256-${hash}'`);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src|unsafe/);
  });
});
