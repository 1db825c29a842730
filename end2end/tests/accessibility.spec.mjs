// axe-core reports zero WCAG 2.2 AA violations on every page, in every language and mode.
// One test per page and mode: a test's time stays that of two axe runs, whatever the number of
// pages, so a slow machine cannot push a long loop past its budget.
import { test } from './fixtures.mjs';
import { MODES, demoPaths, expectNoAxeViolations, setPreferences } from './helpers.mjs';
import { signUp } from './staff-helpers.mjs';

/** The public pages, read from the demo's own links once per worker. */
let paths;
async function publicPages(browser) {
  if (!paths) {
    const page = await browser.newPage();
    const { councilPath, findingPath, assembliesPath, assemblyPath } = await demoPaths(page);
    await page.close();
    paths = {
      home: '/', about: '/a-propos', statement: '/accessibilite', council: councilPath, finding: findingPath,
      assemblies: assembliesPath, assembly: assemblyPath, live: `${assemblyPath}/direct`,
      projector: `${assemblyPath}/projection`, join: '/rejoindre', 'join, unknown code': '/rejoindre?code=ZZZ-999',
      'not found': '/page-inexistante',
    };
  }
  return paths;
}

const PUBLIC_PAGES = ['home', 'about', 'statement', 'council', 'finding', 'assemblies', 'assembly', 'live',
  'projector', 'join', 'join, unknown code', 'not found'];

test.describe('axe-core on every page', () => {
  for (const mode of MODES) {
    for (const name of PUBLIC_PAGES) {
      test(`${name}, ${mode.name}`, async ({ page, context, baseURL, browser }) => {
        const path = (await publicPages(browser))[name];
        await setPreferences(context, baseURL, mode.cookie);
        await page.goto(path);
        await expectNoAxeViolations(page, `${path} (${mode.name})`);
        // The preferences panel, opened, is part of every page too — but room screens,
        // which show nothing of the site around them.
        if (path.endsWith('/projection')) return;
        await page.locator('details.prefs > summary').click();
        await expectNoAxeViolations(page, `${path} with preferences open (${mode.name})`);
      });
    }

    test(`staff pages, ${mode.name}`, async ({ page, context, baseURL }) => {
      await signUp(page, baseURL, 'Dominique Axe');
      const { councilPath, assembliesPath, assemblyPath } = await demoPaths(page);
      await setPreferences(context, baseURL, mode.cookie);
      for (const path of ['/compte', `${councilPath}/equipe`, `${councilPath}/journal`, assembliesPath,
        `${assemblyPath}/preparer`, `${assemblyPath}/animation`]) {
        await page.goto(path);
        await expectNoAxeViolations(page, `${path} (${mode.name})`);
      }
      // The console's keyboard help, opened.
      await page.locator('details.shortcuts > summary').click();
      await expectNoAxeViolations(page, `console with its shortcuts shown (${mode.name})`);
    });
  }

  test('comfort settings keep pages clean (high contrast, large text, spacing)', async ({ page, context, baseURL }) => {
    await setPreferences(context, baseURL, 'lang=fr&easy=1&text=larger&contrast=high&spacing=1&motion=reduced');
    const { councilPath, findingPath, assemblyPath } = await demoPaths(page);
    for (const path of ['/', councilPath, findingPath, assemblyPath, '/rejoindre']) {
      await page.goto(path);
      await expectNoAxeViolations(page, `${path} (all comfort settings)`);
    }
  });
});
