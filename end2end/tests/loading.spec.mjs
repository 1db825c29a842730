// How pages load on a slow phone: the islands' wasm is asked for only once the page is on
// screen, so that it does not share a slow line with the first paint (docs/PERFORMANCE.md).
import { expect, test } from './fixtures.mjs';
import { demoPaths, waitForHydration } from './helpers.mjs';

test('the islands are fetched after the first paint, and still hydrate', async ({ page }) => {
  const { councilPath, assemblyPath } = await demoPaths(page);
  for (const path of [councilPath, `${assemblyPath}/direct`]) {
    await page.goto(path);
    await waitForHydration(page);
    const timing = await page.evaluate(() => ({
      paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      wasm: performance.getEntriesByType('resource')
        .find((entry) => new URL(entry.name).pathname === '/pkg/agora.wasm')?.startTime,
    }));
    expect(timing.paint, `first paint of ${path}`).toBeGreaterThan(0);
    expect(timing.wasm, `wasm of ${path} asked for after the first paint`).toBeGreaterThan(timing.paint);
  }
});
