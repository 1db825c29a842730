// The Content-Security-Policy is enforced by the browser: every page must still hydrate
// under it, and nothing on it may be blocked.
import { expect, test } from '@playwright/test';
import { demoPaths, waitForHydration } from './helpers.mjs';

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
