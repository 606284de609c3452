/**
 * The public pages (issue 13 §2) in the system's Chromium (headless, through playwright-core),
 * against the shared offline cloud: the tracking page of a dossier submitted here through the API,
 * the catalog searched without diacritics, a procedure's page, the API reference and a tracking
 * page for a code that names nothing. Each is checked for its visible text and with axe-core
 * (WCAG 2.1 A/AA: no serious or critical violation); the tracking page must carry neither the
 * applicant's ID number nor phone, and must read the same with JavaScript off. With
 * UPDATE_PAGE_SCREENSHOTS=1 the screenshots in docs/pages are written again (pixels are not
 * compared: the files must exist), and so is the receipt (form 01) the README shows.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { pagesAsPng } from '../fixtures/forms/pdf-tools';
import { assertContract } from './helpers/contract';
import { api, baseUrl } from './helpers/api';
import { LAND_TRANSFER_APPLICANT, acceptedLandTransfer } from './helpers/dossiers';

const SHOTS = path.join(__dirname, '../../docs/pages');
const UPDATE = process.env.UPDATE_PAGE_SCREENSHOTS === '1';
const MOBILE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const HTML = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown; failureSummary?: string }>;
}

let browser: Browser;
let code: string;

beforeAll(async () => {
  code = (await acceptedLandTransfer()).code;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox'],
    headless: true,
    timeout: 60_000,
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

/** Opens `url` in a fresh context (axe is injected, so the page's CSP is bypassed there only). */
async function open(url: string, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: MOBILE, bypassCSP: true, ...options });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const response = await page.goto(`${baseUrl()}${url}`, { waitUntil: 'load' });
  if (!response) throw new Error(`no response for ${url}`);
  return page;
}

/** axe-core over the whole page; serious and critical violations, printed when there are any. */
async function seriousViolations(page: Page, print = true): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: require.resolve('axe-core') });
  // A string: the test project has no DOM types, and axe runs in the page, not here.
  const violations = (await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(AXE_TAGS)} } }).then((r) => r.violations)`,
  )) as AxeViolation[];
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (print && serious.length > 0)
    process.stdout.write(`axe violations:\n${JSON.stringify(serious, null, 2)}\n`);
  return serious;
}

async function shoot(page: Page, name: string): Promise<void> {
  if (UPDATE) await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  await page.context().close();
}

describe('public pages in Chromium (integration)', () => {
  it('tracking page: status, steps, appointment, masked name; no ID number or phone; accessible', async () => {
    const page = await open(`/v1/public/demo/dossiers/${code}`, { extraHTTPHeaders: {} });
    const text = await page.locator('main').innerText();
    expect(await page.locator('h1').innerText()).toBe('Tra cứu tiến độ hồ sơ');
    expect(text).toContain(code);
    expect(text).toContain('Đăng ký biến động');
    expect(text).toContain('Đ* V** D***');
    expect(text).toMatch(/Ngày hẹn trả kết quả\s+\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    expect(text).toContain('Các bước xử lý');
    expect(text).toContain('Trong hạn');
    const html = await page.content();
    for (const secret of [LAND_TRANSFER_APPLICANT.idNumber, LAND_TRANSFER_APPLICANT.phone]) {
      expect(html).not.toContain(secret);
      expect(text).not.toContain(secret);
    }
    expect(html).not.toContain(LAND_TRANSFER_APPLICANT.name);
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'tracking');
  }, 90_000);

  it('the tracking page reads the same with JavaScript disabled, and has no script', async () => {
    const page = await open(`/v1/public/demo/dossiers/${code}`, {
      javaScriptEnabled: false,
      bypassCSP: false,
    });
    expect(await page.locator('h1').innerText()).toBe('Tra cứu tiến độ hồ sơ');
    expect(await page.locator('main').innerText()).toContain('Đ* V** D***');
    expect(await page.locator('script').count()).toBe(0);
    await page.context().close();
  }, 60_000);

  it('the stylesheet applies under the page’s own CSP (no bypass), which refuses an injected script', async () => {
    const page = await open(`/v1/public/demo/dossiers/${code}`, { bypassCSP: false });
    const refused: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/.test(m.text())) refused.push(m.text());
    });
    expect(
      await page.evaluate("getComputedStyle(document.querySelector('header.site')).backgroundColor"),
    ).toBe('rgb(139, 26, 26)');
    await expect(page.addScriptTag({ content: 'window.injected = 1' })).rejects.toThrow();
    expect(refused.join('\n')).toMatch(/script/);
    expect(await page.evaluate('typeof window.injected')).toBe('undefined');
    await page.context().close();
  }, 60_000);

  it('catalog: "khai sinh" without diacritics finds "Đăng ký khai sinh"; accessible', async () => {
    const page = await open('/v1/public/demo/procedures?q=khai%20sinh');
    expect(await page.locator('h1').innerText()).toBe('Thủ tục hành chính');
    expect(await page.getByLabel('Tìm thủ tục (gõ có dấu hoặc không dấu)').inputValue()).toBe('khai sinh');
    const names = await page.locator('ul.cards h2').allInnerTexts();
    expect(names).toEqual(['Đăng ký khai sinh']);
    expect(await page.locator('main').innerText()).toContain('Tìm thấy 1 thủ tục');
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'catalog');
  }, 90_000);

  it('catalog on a desktop, in English chrome', async () => {
    const page = await open('/v1/public/demo/procedures?lang=en', { viewport: DESKTOP });
    expect(await page.locator('h1').innerText()).toBe('Administrative procedures');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    // Content stays as recorded.
    expect(await page.locator('main').innerText()).toContain('Đăng ký khai sinh');
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'catalog-desktop');
  }, 90_000);

  it('procedure page: documents, fee in VND, time limit, where to submit, online level; accessible', async () => {
    const page = await open('/v1/public/demo/procedures/1.004227');
    const text = await page.locator('main').innerText();
    expect(text).toContain('Thành phần hồ sơ');
    expect(text).toMatch(/Lệ phí\s+[\d.]+ đ/);
    expect(text).toContain('Thời hạn giải quyết');
    expect(text).toContain('Nơi nộp hồ sơ');
    expect(text).toContain('Trung tâm Phục vụ hành chính công tỉnh');
    expect(text).toContain('Dịch vụ công trực tuyến');
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'procedure');
  }, 90_000);

  it('API reference: operations grouped by tag, rendered from the OpenAPI document; accessible', async () => {
    const page = await open('/v1/docs');
    expect(await page.locator('h1').innerText()).toBe('Tài liệu API');
    expect(await page.locator('h2#tag-tracking').innerText()).toBe('tracking');
    const text = await page.locator('main').innerText();
    expect(text).toContain('/v1/public/{tenant}/dossiers/{code}');
    // Inside a closed <details>: in the document, not on screen.
    expect(await page.content()).toContain('<code>text/html</code>');
    if (UPDATE) await page.screenshot({ path: path.join(SHOTS, 'api-reference.png') });
    await page.locator('details#trackDossier > summary').click();
    expect(await page.locator('details#trackDossier').innerText()).toContain('text/html');
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  }, 90_000);

  it('a code that names no dossier: a 404 page with the form to try again; accessible', async () => {
    const context = await browser.newContext({ viewport: MOBILE, bypassCSP: true });
    const page = await context.newPage();
    const response = await page.goto(`${baseUrl()}/v1/public/demo/dossiers/000.30.01.H99-261201-9999`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').innerText()).toBe('Không tìm thấy');
    expect(await page.getByRole('alert').innerText()).toContain('000.30.01.H99-261201-9999');
    expect(await page.getByLabel('Mã hồ sơ').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'not-found');
  }, 90_000);

  it('typing a code in the form leads to the dossier’s tracking page', async () => {
    const page = await open('/v1/public/demo/dossiers');
    await page.getByLabel('Mã hồ sơ').fill(` ${code.toLowerCase()} `);
    await Promise.all([
      page.waitForURL(`**/v1/public/demo/dossiers/${code}`),
      page.getByRole('button', { name: 'Tra cứu' }).click(),
    ]);
    expect(await page.locator('main').innerText()).toContain('Đ* V** D***');
    await page.context().close();
  }, 60_000);

  it('the receipt (form 01) as PNG for the README', async () => {
    const pdf = await api.get<Buffer>(`/v1/dossiers/${code}/forms/01.pdf`, { as: 'tiepnhan.binhthanh' });
    expect(pdf.status).toBe(200);
    if (UPDATE) writeFileSync(path.join(SHOTS, 'receipt.png'), pagesAsPng(pdf.body, 80)[0] as Buffer);
  }, 60_000);

  it('the accessibility check can fail: an unlabelled field and low contrast are reported', async () => {
    const context = await browser.newContext({ viewport: MOBILE });
    const page = await context.newPage();
    await page.setContent(
      '<!doctype html><html><head><title>x</title></head><body><main><h1>x</h1>' +
        '<input type="text"><p style="color:#ccc;background:#fff">mờ</p></main></body></html>',
    );
    const ids = (await seriousViolations(page, false)).map((v) => v.id).sort();
    expect(ids).toEqual(['color-contrast', 'html-has-lang', 'label']);
    await context.close();
  }, 60_000);

  it('every screenshot the docs show exists', () => {
    for (const name of [
      'tracking',
      'catalog',
      'catalog-desktop',
      'procedure',
      'api-reference',
      'not-found',
      'receipt',
    ])
      expect([name, existsSync(path.join(SHOTS, `${name}.png`))]).toEqual([name, true]);
  });
});

describe('public pages over HTTP (integration)', () => {
  it('one URL, two representations: HTML to a browser, JSON to an API client, Vary: Accept on both', async () => {
    const page = await api.get<string>(`/v1/public/demo/dossiers/${code}`, { headers: HTML });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers.vary).toBe('Accept');
    expect(page.headers['cache-control']).toBe('public, max-age=60');
    expect(page.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(page.headers['content-security-policy']).not.toMatch(/script-src|unsafe/);
    expect(page.body).not.toContain('<script');
    const json = await api.get(`/v1/public/demo/dossiers/${code}`);
    expect(json.headers['content-type']).toMatch(/^application\/json/);
    expect(json.headers.vary).toBe('Accept');
    expect(json.body.code).toBe(code);
    const explicit = await api.get(`/v1/public/demo/procedures`, { headers: { accept: 'application/json' } });
    expect(explicit.headers['content-type']).toMatch(/^application\/json/);
  });

  it('answers 304 to the ETag it gave; the catalog caches longer than tracking', async () => {
    const first = await api.get<string>('/v1/public/demo/procedures?q=khai%20sinh', { headers: HTML });
    expect(first.headers['cache-control']).toBe('public, max-age=300');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"/);
    const again = await api.get('/v1/public/demo/procedures?q=khai%20sinh', {
      headers: { ...HTML, 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
  });

  it('the form with ?code= redirects (303) to the dossier’s URL, the one the QR codes print', async () => {
    const res = await fetch(`${baseUrl()}/v1/public/demo/dossiers?code=${code}&lang=en`, {
      headers: HTML,
      redirect: 'manual',
    });
    assertContract({
      method: 'GET',
      path: '/v1/public/demo/dossiers',
      status: res.status,
      contentType: '',
      body: undefined,
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/v1/public/demo/dossiers/${code}?lang=en`);
  });

  it('a malformed code: an HTML 400 page for a browser, problem+json for an API client', async () => {
    const page = await api.get<string>('/v1/public/demo/dossiers?code=abc', { headers: HTML });
    expect(page.status).toBe(400);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('Mã hồ sơ không đúng định dạng');
    const problem = await api.get('/v1/public/demo/dossiers?code=abc');
    expect(problem.status).toBe(400);
    expect(problem.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(problem.body.errors[0].field).toBe('query.code');
  });
});
