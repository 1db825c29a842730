// The Content-Security-Policy is enforced by the browser: every page must still hydrate
// under it, and nothing on it may be blocked.
import { expect, test } from './fixtures.mjs';
import { demoPaths, expectNoAxeViolations, waitForHydration } from './helpers.mjs';

test('pages hydrate under their Content-Security-Policy without any violation', async ({ page }) => {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const { councilPath, findingPath } = await demoPaths(page);
  for (const path of ['/', '/a-propos', councilPath, findingPath, '/page-inexistante']) {
    const response = await page.goto(path);
    expect(response.headers()['content-security-policy'], path).toContain("frame-ancestors 'none'");
    await waitForHydration(page);
    expect(await page.evaluate(() => window.__cspViolations), path).toEqual([]);
  }
});

test('a form posted to Agora from another page is refused with a readable, translated page', async ({ page, baseURL }) => {
  // A page that is not Agora's (about:blank has an opaque origin) posts a form to Agora.
  await page.setContent(`
    <form method="post" action="${baseURL}/api/save_preferences">
      <input type="hidden" name="lang" value="en">
      <button type="submit">send</button>
    </form>`);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/save_preferences')),
    page.click('button'),
  ]);
  expect(response.status()).toBe(403);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.locator('h1')).toHaveText('Demande refusée');
  await expect(page.locator('main p').first()).toContainText('envoyé depuis un autre site');
  await expectNoAxeViolations(page, 'refusal page');
  // Nothing was saved: Agora still answers in French.
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
});
