// Attendance by college, never by person: participants say they are there from their phones,
// a facilitator counts at the door by keyboard, and the ended assembly's page shows the
// figure with the small-group rule — in the four modes, at three sizes, and without
// JavaScript.
import { budget, expect, test } from './fixtures.mjs';
import { MODES, expectNoAxeViolations, setPreferences, tabTo } from './helpers.mjs';
import { openAssembly } from './live-helpers.mjs';
import { signUp } from './staff-helpers.mjs';

const PHONE = { width: 390, height: 844 };

/** A participant on their phone says they are in the room, in `college`. */
async function declare(browser, baseURL, livePath, college, javaScriptEnabled = true) {
  const context = await browser.newContext({ baseURL, viewport: PHONE, javaScriptEnabled });
  const phone = await context.newPage();
  await phone.goto(livePath);
  await phone.selectOption('#presence-college', college);
  await phone.click('form[action$="declare_presence"] button[type="submit"]');
  await expect(phone.locator('main [role="status"]').first()).toContainText('compté parmi les présents');
  await expect(phone.locator('#presence')).toContainText('Merci');
  await expect(phone.locator('form[action$="declare_presence"]')).toHaveCount(0);
  // Done with this phone: closed before the room ends (its page would redraw itself then).
  await context.close();
}

test('participants say they are there, the door is counted by keyboard, the ended assembly shows the figure', async ({ page, browser, baseURL }) => {
  test.setTimeout(budget(150_000));
  await signUp(page, baseURL, 'Paula Présence');
  const livePath = await openAssembly(page, `Plénière comptée ${Date.now()}`);
  const assemblyPath = livePath.replace(/\/direct$/, '');

  // Five phones, one of them without JavaScript: the form does it alone.
  for (const [college, script] of [['habitants', true], ['habitants', true], ['usagers', false], ['habitants', true], ['usagers', true]]) {
    await declare(browser, baseURL, livePath, college, script);
  }
  // A sixth phone has the form open when the assembly ends; without JavaScript, its page
  // does not redraw itself when the room closes, so the form is still there to send.
  const late = await browser.newContext({ baseURL, viewport: PHONE, javaScriptEnabled: false });
  const latePhone = await late.newPage();
  await latePhone.goto(livePath);
  await latePhone.selectOption('#presence-college', 'aidants');

  // The facilitator, from the console, by keyboard.
  await page.goto(`${assemblyPath}/animation`);
  await tabTo(page, `a[href="${assemblyPath}/presence"]`, 60);
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toContainText('Présence');
  await expect(page.locator('#declared-title')).toBeVisible();
  for (const [college, typed] of [['habitants', '24'], ['usagers', '9'], ['elus', '2']]) {
    await tabTo(page, `#door-${college}`, 30);
    await page.keyboard.type(typed);
  }
  await page.keyboard.press('Enter');
  await expect(page.locator('main [role="status"]').first()).toContainText('Comptage enregistré');
  await expect(page.locator('#door-habitants')).toHaveValue('24');
  await expectNoAxeViolations(page, 'door count page');

  // Before the end, the assembly's page shows no figure.
  await page.goto(assemblyPath);
  await expect(page.locator('main')).not.toContainText('Personnes présentes, par collège');
  // Ended: the door count wins; the two elected officials are merged with the smallest
  // college shown (9), so that nobody reads 2 from the total.
  await page.goto(`${assemblyPath}/preparer`);
  await page.click('form[action="/api/change_live_state"] button');
  await expect(page.locator('main [role="status"]')).toContainText('Le direct est clos');
  await page.goto(assemblyPath);
  const figure = page.locator('table.participation');
  await expect(figure).toContainText('Habitants');
  await expect(figure.locator('tr', { hasText: 'Habitants' })).toContainText('24');
  await expect(figure.locator('tr', { hasText: 'Autres collèges' })).toContainText('11');
  await expect(figure.locator('tr.total')).toContainText('35');
  // Named among the others, never on a line of their own.
  await expect(figure.locator('th', { hasText: /^Élus$/ })).toHaveCount(0);
  await expect(page.locator('main')).toContainText("Compté à l'entrée par l'équipe.");

  // The late phone is told the assembly has ended; nothing is counted for it.
  await latePhone.click('form[action$="declare_presence"] button[type="submit"]');
  await expect(latePhone.locator('#presence')).toContainText("L'assemblée est finie");
  await page.goto(`${assemblyPath}/presence`);
  await expect(page.locator('table.participation tr.total')).toContainText('5');
  await late.close();
});

test('the presence form, the door count and the figure in the four modes and three sizes', async ({ page, context, browser, baseURL }) => {
  test.setTimeout(budget(150_000));
  await signUp(page, baseURL, 'Pia Présence');
  const livePath = await openAssembly(page, `Plénière regardée ${Date.now()}`);
  const assemblyPath = livePath.replace(/\/direct$/, '');
  const presencePath = `${assemblyPath}/presence`;
  await page.goto(presencePath);
  await page.fill('#door-habitants', '31');
  await page.fill('#door-professionnels', '12');
  await page.click('form[action$="save_door_count"] button[type="submit"]');
  await expect(page.locator('main [role="status"]').first()).toContainText('Comptage enregistré');

  // A participant's live page, open: the form in every mode, then refused nothing.
  const participant = await browser.newContext({ baseURL, viewport: PHONE });
  const phone = await participant.newPage();
  for (const mode of MODES) {
    await setPreferences(participant, baseURL, mode.cookie);
    await phone.goto(`${livePath}#presence`);
    await expect(phone.locator('#presence-college')).toBeVisible();
    await expectNoAxeViolations(phone, `live page with the presence form, ${mode.name}`);
    await setPreferences(context, baseURL, mode.cookie);
    await page.goto(presencePath);
    await expect(page.locator('#door-habitants')).toHaveValue('31');
    await expectNoAxeViolations(page, `door count, ${mode.name}`);
  }
  await setPreferences(participant, baseURL, 'lang=fr');
  await phone.goto(livePath);
  await phone.locator('#presence').screenshot({ path: 'test-results/attendance-form-390.png' });

  await setPreferences(context, baseURL, 'lang=fr');
  await page.goto(`${assemblyPath}/preparer`);
  await page.click('form[action="/api/change_live_state"] button');
  await expect(page.locator('main [role="status"]')).toContainText('Le direct est clos');
  for (const mode of MODES) {
    await setPreferences(context, baseURL, mode.cookie);
    await page.goto(assemblyPath);
    await expect(page.locator('table.participation tr.total')).toContainText('43');
    await expectNoAxeViolations(page, `ended assembly with its attendance, ${mode.name}`);
  }
  await setPreferences(context, baseURL, 'lang=fr');
  for (const [name, viewport] of [['390', PHONE], ['1280', { width: 1280, height: 800 }], ['1920', { width: 1920, height: 1080 }]]) {
    await page.setViewportSize(viewport);
    for (const [what, path, selector] of [['figure', assemblyPath, 'table.participation'], ['door', presencePath, '.door-counts']]) {
      await page.goto(path);
      const box = await page.locator(selector).boundingBox();
      expect(box, `${what} at ${name}`).not.toBeNull();
      // Nothing wider than the screen: no sideways scrolling.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${what} at ${name} scrolls sideways`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `test-results/attendance-${what}-${name}.png`, fullPage: true });
    }
  }
  await participant.close();
});
