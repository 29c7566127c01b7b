import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, openChasm } from './support/fixtures';

test.use({ viewport: { width: 1280, height: 720 } });

/** Serious or critical axe-core violations on the page as it is now (WCAG 2.1 A and AA rules, and axe's best practices). */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  // axe really ran over the shell (a page it could not inspect would pass nothing).
  expect(results.passes.length).toBeGreaterThan(10);
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const language of ['en', 'zh-CN'] as const) {
  test.describe(language, () => {
    test.use({ locale: language });

    test(`axe: entry screen, HUD and settings panel (${language})`, async ({ page }) => {
      await openChasm(page);
      const s =
        language === 'en'
          ? { settings: 'Settings', explore: 'Explore', hud: 'Perf HUD', lang: 'en', news: 'Orders per hour', find: 'Find', robot: 'Robot 3' }
          : { settings: '设置', explore: '开始浏览', hud: '性能面板', lang: 'zh-CN', news: '每小时订单', find: '查找', robot: '机器人 3' };
      await expect(page.locator('html')).toHaveAttribute('lang', s.lang);
      expect(await seriousViolations(page), 'entry screen').toEqual([]);

      await page.getByRole('button', { name: s.explore }).click();
      // The pointer over the world (Babylon sets the canvas's tabindex then): it stays out of the tab order.
      await page.mouse.move(640, 200);
      await page.mouse.move(660, 220);
      await expect(page.locator('canvas#scene')).toHaveAttribute('tabindex', '-1');
      await page.getByRole('button', { name: s.hud }).click();
      await expect(page.locator('.perf-hud')).toBeVisible();
      expect(await seriousViolations(page), 'exploring with the HUD').toEqual([]);
      // The order board's figures reach screen readers through a polite live region, every 10 s.
      await expect(page.locator('#world-news[aria-live=polite]')).toContainText(s.news, { timeout: 15_000 });

      await page.getByRole('button', { name: s.settings }).click();
      await expect(page.getByRole('dialog', { name: s.settings })).toBeVisible();
      expect(await seriousViolations(page), 'settings panel').toEqual([]);
      await page.keyboard.press('Escape');

      // Searching, and a selection card (chosen from the results).
      await page.getByRole('button', { name: s.find, exact: true }).click();
      await page.getByRole('searchbox', { name: s.find }).fill(s.robot);
      await expect(page.getByRole('list').getByRole('button', { name: s.robot })).toBeVisible();
      expect(await seriousViolations(page), 'search with results').toEqual([]);
      await page.getByRole('searchbox', { name: s.find }).press('Enter');
      await expect(page.getByRole('region', { name: s.robot })).toBeVisible();
      expect(await seriousViolations(page), 'a selection card').toEqual([]);
    });
  });
}

test('language: switchable in settings, applied at once, and kept across visits', async ({ page }) => {
  await openChasm(page);
  await page.getByRole('button', { name: 'Explore' }).click();
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByLabel('Language').selectOption('zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('dialog', { name: '设置' })).toBeVisible();
  await expect(page.getByRole('button', { name: '菜单' })).toBeVisible();
  await expect(page.locator('canvas#scene')).toHaveAttribute('aria-label', 'Chasm 仓库视图');
  await page.reload();
  await page.evaluate(() => window.__chasm!.ready);
  await expect(page.getByRole('button', { name: '开始浏览' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('未发现头显：请以 2D 浏览。');
});
