import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
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

    // Signing out signs out: the page asks for credentials again, and the old session is gone.
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
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
