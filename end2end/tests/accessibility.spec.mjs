// axe-core reports zero WCAG 2.2 AA violations on every page, in every language and mode.
import { test } from './fixtures.mjs';
import { MODES, demoPaths, expectNoAxeViolations, setPreferences } from './helpers.mjs';
import { signUp } from './staff-helpers.mjs';

test.describe('axe-core on every page', () => {
  for (const mode of MODES) {
    test(`all pages, ${mode.name}`, async ({ page, context, baseURL }) => {
      await setPreferences(context, baseURL, mode.cookie);
      const { councilPath, findingPath, assembliesPath, assemblyPath } = await demoPaths(page);
      const pages = ['/', '/a-propos', '/accessibilite', councilPath, findingPath, assembliesPath, assemblyPath,
        `${assemblyPath}/direct`, `${assemblyPath}/projection`, '/rejoindre', '/rejoindre?code=ZZZ-999', '/page-inexistante'];
      for (const path of pages) {
        await page.goto(path);
        await expectNoAxeViolations(page, `${path} (${mode.name})`);
        // The preferences panel, opened, is part of every page too — but room screens,
        // which show nothing of the site around them.
        if (path.endsWith('/projection')) continue;
        await page.locator('details.prefs > summary').click();
        await expectNoAxeViolations(page, `${path} with preferences open (${mode.name})`);
      }
    });
  }

  test('staff pages, every language and mode', async ({ page, context, baseURL }) => {
    await signUp(page, baseURL, 'Dominique Axe');
    const { councilPath, assembliesPath, assemblyPath } = await demoPaths(page);
    const pages = ['/compte', `${councilPath}/equipe`, `${councilPath}/journal`, assembliesPath,
      `${assemblyPath}/preparer`, `${assemblyPath}/animation`];
    for (const mode of MODES) {
      await setPreferences(context, baseURL, mode.cookie);
      for (const path of pages) {
        await page.goto(path);
        await expectNoAxeViolations(page, `${path} (${mode.name})`);
      }
      // The console's keyboard help, opened.
      await page.locator('details.shortcuts > summary').click();
      await expectNoAxeViolations(page, `console with its shortcuts shown (${mode.name})`);
    }
  });

  test('comfort settings keep pages clean (high contrast, large text, spacing)', async ({ page, context, baseURL }) => {
    await setPreferences(context, baseURL, 'lang=fr&easy=1&text=larger&contrast=high&spacing=1&motion=reduced');
    const { councilPath, findingPath, assemblyPath } = await demoPaths(page);
    for (const path of ['/', councilPath, findingPath, assemblyPath, '/rejoindre']) {
      await page.goto(path);
      await expectNoAxeViolations(page, `${path} (all comfort settings)`);
    }
  });
});
