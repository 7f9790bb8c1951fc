import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import request from 'supertest';
import { DemoSeeder } from '../../src/demo/demo-seed.js';
import { DEMO_PASSWORD } from '../../src/demo/demo-users.js';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';

/**
 * The web app in Debian's Chromium (playwright-core, headless), against the real API serving it
 * from web/dist (built by `npm test` before the suites run) on a real port, with the demo data.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = join(import.meta.dirname, '../../test-results/screenshots');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

describe('the web app', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    if (!existsSync(join(import.meta.dirname, '../../web/dist/index.html'))) {
      throw new Error('web/dist is not built: run `npm run build --workspace web` (npm test does)');
    }
    mkdirSync(SHOTS, { recursive: true });
    // The browser's clock is the machine's: so is the API's here (a visit "in the future" is refused).
    t = await createTestApp({ now: new Date() });
    await t.app.get(DemoSeeder).seedIfEmpty();
    await t.app.listen(0, '127.0.0.1');
    base = await t.app.getUrl();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signedIn(email: string, viewport = PHONE): Promise<Page> {
    const context = await browser.newContext({ viewport, locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(base);
    await page.getByLabel('Thư điện tử').fill(email);
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    return page;
  }

  async function storedSession(page: Page): Promise<{ accessToken: string; refreshToken: string }> {
    return JSON.parse(await page.evaluate<string>(`localStorage.getItem('gpmb.session')`));
  }

  it('should show a chair the Nam Thăng Long figures: 73 % of households, 36 % of area', async () => {
    const page = await signedIn('chutich.phuthuong@demo.gpmb.vn', DESKTOP);
    const card = page.locator('[data-project="NTL-GD3"]');
    await card.waitFor();
    expect(await card.locator('[data-figure="households"]').textContent()).toBe('73 %');
    expect(await card.locator('[data-figure="area"]').textContent()).toBe('36 %');
    await page.screenshot({ path: join(SHOTS, 'chair-dashboard-desktop.png'), fullPage: true });
    await card.getByRole('link').click();
    await page.getByRole('heading', { name: 'Tỷ lệ đồng thuận theo tháng' }).waitFor();
    await page.locator('canvas').waitFor();
    await page.getByRole('heading', { name: 'Khiếu nại quá hạn hoặc đến hạn trong 3 ngày' }).waitFor();
    await page.getByRole('heading', { name: 'Cưỡng chế đang chuẩn bị' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'chair-project-desktop.png'), fullPage: true });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: join(SHOTS, 'chair-project-phone.png'), fullPage: true });

    // Drill down: find a household that has been through dialogues by its name typed without
    // diacritics, open it, and read its whole file.
    const [known] = await t.dataSource.query<Array<{ headName: string; code: string }>>(
      `SELECT h.head_name AS "headName", h.code FROM households h JOIN projects p ON p.id = h.project_id
        WHERE p.code = 'NTL-GD3' AND EXISTS (SELECT 1 FROM dialogue_participants d WHERE d.household_id = h.id)
          AND EXISTS (SELECT 1 FROM visits v WHERE v.household_id = h.id)
        ORDER BY h.code LIMIT 1`,
    );
    const plain = known.headName.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
    expect(plain).not.toBe(known.headName);
    await page.setViewportSize(DESKTOP);
    await page.getByLabel('Tên chủ hộ, địa chỉ hoặc mã hộ').fill(plain.toLowerCase());
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.getByRole('link', { name: `${known.headName} (${known.code})` }).click();
    for (const heading of ['Đối thoại', 'Lịch sử trạng thái', 'Các lần tiếp xúc', 'Khiếu nại', 'Tài liệu, hình ảnh']) {
      await page.getByRole('heading', { name: heading, exact: true }).waitFor();
    }
    await page.locator('ul.dialogues li').first().waitFor();
    await page.locator('ul.visits li').first().waitFor();
    await page.screenshot({ path: join(SHOTS, 'chair-household-desktop.png'), fullPage: true });

    // Signing out signs out: the page asks for credentials again, and the refresh token is dead.
    const { refreshToken } = await storedSession(page);
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
    await request(t.http).post('/api/v1/auth/refresh').send({ refreshToken }).expect(401);
    await page.context().close();
  }, 60_000);

  it('should rotate the refresh token when the access token has run out, and keep the officer at work', async () => {
    const page = await signedIn('canbo.phuthuong@demo.gpmb.vn');
    await page.getByRole('heading', { name: 'Hôm nay' }).waitFor();
    const before = await storedSession(page);
    // An access token the API no longer accepts (expired, or signed with a rotated key).
    await page.evaluate(
      `localStorage.setItem('gpmb.session', JSON.stringify({ ...JSON.parse(localStorage.getItem('gpmb.session')), accessToken: 'expired' }))`,
    );
    await page.reload();
    await page.locator('ol.agenda a').first().waitFor();
    const after = await storedSession(page);
    expect(after.accessToken).not.toBe('expired');
    expect(after.refreshToken).not.toBe(before.refreshToken);
    // The new pair works; the used refresh token is good no more.
    await request(t.http).get('/api/v1/projects').set('authorization', `Bearer ${after.accessToken}`).expect(200);
    await request(t.http).post('/api/v1/auth/refresh').send({ refreshToken: before.refreshToken }).expect(401);
    await page.context().close();
  }, 60_000);

  it('should show a supervisor read-only pages and the audit trail of a household', async () => {
    const page = await signedIn('mttq.hanoi@demo.gpmb.vn', DESKTOP);
    const card = page.locator('[data-project="NTL-GD3"]');
    await card.waitFor();
    expect(await page.locator('[data-project]').count()).toBeGreaterThan(1);
    await card.getByRole('link').click();
    await page.getByLabel('Tên chủ hộ, địa chỉ hoặc mã hộ').fill('nguyen');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.locator('ul.search-results a').first().click();
    await page.getByRole('heading', { name: 'Nhật ký thay đổi' }).waitFor();
    expect(await page.locator('section.audit li').count()).toBeGreaterThan(0);
    expect(await page.getByRole('heading', { name: 'Ghi nhận lần thăm' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Thay đổi trạng thái' }).count()).toBe(0);
    expect(await page.locator('form').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'supervisor-household-desktop.png'), fullPage: true });
    await page.context().close();
  }, 60_000);

  it('should keep a visit made offline on the phone and put it on the server exactly once when back online', async () => {
    const page = await signedIn('canbo.phuthuong@demo.gpmb.vn');
    await page.getByRole('heading', { name: 'Hôm nay' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'officer-today-phone.png'), fullPage: true });
    await page.locator('ol.agenda a').first().click();
    await page.getByRole('heading', { name: 'Ghi nhận lần thăm' }).waitFor();
    const householdId = page.url().split('/').pop() as string;
    const note = `Thăm khi mất sóng ${Date.now()}`;
    // Installable: a manifest, and a service worker that serves the app without a connection.
    expect(await page.locator('link[rel="manifest"]').count()).toBe(1);
    await page.waitForFunction('navigator.serviceWorker.controller !== null', undefined, { timeout: 20_000 });

    await page.context().setOffline(true);
    await page.getByLabel('Kết quả').selectOption('hesitant');
    await page.getByLabel('Ghi chú').fill(note);
    await page.getByRole('button', { name: 'Lưu lần thăm' }).click();
    await page.getByText('Đã lưu trên máy; sẽ gửi khi có mạng.').waitFor();
    await page.getByText('Chờ gửi: 1 lần thăm').waitFor();
    await page.screenshot({ path: join(SHOTS, 'officer-offline-phone.png'), fullPage: true });
    // Reloaded with no network, the app still opens, and the visit is still waiting on the phone.
    await page.reload();
    await page.getByText('Chờ gửi: 1 lần thăm').waitFor();
    const onServer = () =>
      t.dataSource.query<[{ count: number }]>(
        `SELECT count(*)::int AS count FROM visits WHERE household_id = $1 AND notes = $2`,
        [householdId, note],
      );
    expect((await onServer())[0].count).toBe(0);

    await page.context().setOffline(false);
    await page.getByText('Chờ gửi: 1 lần thăm').waitFor({ state: 'detached' });
    expect(await page.locator('.queue [role="alert"]').count()).toBe(0);
    expect((await onServer())[0].count).toBe(1);
    // A second sync (the timer, a reload) sends nothing more.
    await page.reload();
    await page.getByRole('heading', { name: 'Ghi nhận lần thăm' }).waitFor();
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));
    expect((await onServer())[0].count).toBe(1);
    await page.context().close();
  }, 60_000);

  it('should answer a consent move made offline on a household that changed meanwhile as a conflict', async () => {
    const page = await signedIn('canbo.phuthuong@demo.gpmb.vn');
    await page.locator('ol.agenda a').nth(1).click();
    await page.getByRole('heading', { name: 'Thay đổi trạng thái' }).waitFor();
    const householdId = page.url().split('/').pop() as string;
    const before = await t.dataSource.query<[{ status: string; version: number }]>(
      `SELECT status, version FROM households WHERE id = $1`,
      [householdId],
    );

    await page.context().setOffline(true);
    await page.getByLabel('Trạng thái mới').selectOption('agreed');
    await page.getByLabel('Lý do').fill('Hộ đồng ý khi gặp ở chợ');
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.getByText('Chờ gửi: 1 thay đổi trạng thái').waitFor();
    // Meanwhile someone else changes the household.
    await t.dataSource.query(`UPDATE households SET version = version + 1 WHERE id = $1`, [householdId]);

    await page.context().setOffline(false);
    await page.getByText(/Hộ đã thay đổi trong lúc mất kết nối/).waitFor();
    const after = await t.dataSource.query<[{ status: string; version: number }]>(
      `SELECT status, version FROM households WHERE id = $1`,
      [householdId],
    );
    expect(after[0]).toEqual({ status: before[0].status, version: before[0].version + 1 });
    await page.context().close();
  }, 60_000);

  it('should not show an officer a household of another ward', async () => {
    const [elsewhere] = await t.dataSource.query<Array<{ id: string }>>(
      `SELECT h.id FROM households h JOIN projects p ON p.id = h.project_id WHERE p.code = 'TK-MUONG-2012' LIMIT 1`,
    );
    const page = await signedIn('canbo.phuthuong@demo.gpmb.vn');
    await page.getByRole('heading', { name: 'Hôm nay' }).waitFor();
    await page.goto(`${base}/app/ho/${elsewhere.id}`);
    await page.getByText('Không tìm thấy hộ này, hoặc hộ không thuộc phường của bạn.').waitFor();
    await page.context().close();
  }, 60_000);
});
