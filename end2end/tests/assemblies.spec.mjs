// Assemblies end to end: joining with the code shown in the room (keyboard only, without
// JavaScript), and a coordinator preparing an assembly from creation to the live part.
import { expect, test } from './fixtures.mjs';
import { demoPaths, expectNoAxeViolations, setPreferences, tabTo } from './helpers.mjs';
import { signUp } from './staff-helpers.mjs';

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the code shown in the room leads to the assembly, typed by keyboard', async ({ page }) => {
    const { assemblyPath } = await demoPaths(page);
    await page.goto(assemblyPath);
    const title = (await page.locator('h1').textContent()).trim();
    const code = (await page.locator('.join-code strong').textContent()).trim();
    expect(code).toMatch(/^[A-Z2-9]{3}-[A-Z2-9]{3}$/);
    await expect(page.locator('.qr svg')).toBeVisible();

    await page.goto('/rejoindre');
    await tabTo(page, '#join-code');
    await page.keyboard.type('zzz 999');
    await page.keyboard.press('Enter');
    await expect(page.locator('main [role="alert"]')).toContainText('Aucune assemblée ne correspond');
    await expect(page.locator('#join-code')).toHaveValue('zzz999');

    await page.fill('#join-code', '');
    await page.keyboard.type(code.toLowerCase());
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`${assemblyPath}$`));
    await expect(page.locator('h1')).toHaveText(title);
  });
});

test('a coordinator prepares an assembly by keyboard: refusal kept beside its field, agenda, publication, live', async ({ page, baseURL, context }) => {
  await signUp(page, baseURL, 'Anne Martin');
  await page.goto('/clsm-val-de-lisandre/assemblees');

  // Too short a title: refused by the server, shown beside the field, the rest kept.
  await tabTo(page, '#new-title', 60);
  await page.keyboard.type('Pl');
  // Reached by Tab; its value set directly, as the date picker's keys depend on the locale.
  await tabTo(page, '#new-starts-at', 3);
  await page.fill('#new-starts-at', '2027-10-14T18:30');
  await tabTo(page, '#new-place', 10);
  await page.keyboard.type('Médiathèque de Montclair');
  await tabTo(page, '#new-accessibility', 3);
  await page.keyboard.type('Accès de plain-pied');
  await tabTo(page, 'form[action="/api/create_assembly"] button[type="submit"]', 3);
  await page.keyboard.press('Enter');
  await expect(page.locator('#new-title-error')).toContainText('trop court');
  await expect(page.locator('#new-title')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#new-place')).toHaveValue('Médiathèque de Montclair');
  await expectNoAxeViolations(page, 'assemblies page with a refused form');

  await expect(page.locator('#new-starts-at')).toHaveValue('2027-10-14T18:30');
  await page.fill('#new-title', "Plénière d'automne");
  await page.press('#new-title', 'Enter');
  await expect(page).toHaveURL(/\/preparer$/);
  await expect(page.locator('main [role="status"]')).toContainText("L'assemblée est créée");
  await expectNoAxeViolations(page, 'preparation page');

  for (const title of ['Accueil', 'Nos priorités']) {
    await tabTo(page, '#new-item-title', 80);
    await page.keyboard.type(title);
    await page.keyboard.press('Enter');
    await expect(page.locator('main [role="status"]')).toContainText('ajouté');
  }
  // Move the second item up with its named button.
  await tabTo(page, 'button[aria-label="Monter : Nos priorités"]', 120);
  await page.keyboard.press('Enter');
  await expect(page.locator('.agenda-edit > li h3').first()).toHaveText('Nos priorités');

  await tabTo(page, 'form[action="/api/publish_assembly"] button', 40);
  await page.keyboard.press('Enter');
  await expect(page.locator('main [role="status"]')).toContainText('publiée');
  await tabTo(page, 'form[action="/api/change_live_state"] button', 60);
  await page.keyboard.press('Enter');
  await expect(page.locator('main [role="status"]')).toContainText('Le direct est ouvert');
  await expectNoAxeViolations(page, 'preparation page, live');

  await page.goto(page.url().replace(/\/preparer$/, ''));
  await expect(page.locator('.agenda li[aria-current="step"] h3')).toHaveText('Nos priorités');
  await expect(page.locator('main')).toContainText('jeudi 14 octobre 2027 à 18 h 30');
  await expectNoAxeViolations(page, 'public page of the new assembly');

  // The console, open in another window before anyone asks: the question asked on the
  // participants' page (by keyboard alone) appears in its queue without anyone reloading.
  const livePath = `${new URL(page.url()).pathname}/direct`;
  const consolePath = livePath.replace(/\/direct$/, '/animation');
  const watching = await context.newPage();
  await watching.goto(consolePath);
  await expect(watching.locator('#queue-title')).toContainText('(0)');
  await watching.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
  await page.goto(livePath);
  await expectNoAxeViolations(page, 'live page, no question yet');
  await tabTo(page, '#ask-body', 60);
  await page.keyboard.type('Qui contacter en cas de crise la nuit ?');
  await tabTo(page, 'form[action="/api/ask_question"] button[type="submit"]', 6);
  await page.keyboard.press('Enter');
  await expect(page.locator('main .notice[role="status"]')).toContainText('Merci');
  await expect(page.locator('main')).toContainText('Une question attend');
  await expectNoAxeViolations(page, 'live page after asking');
  await expect(watching.locator('#queue-title')).toContainText('(1)');
  await expect(watching.locator('#queue-title + ol')).toContainText('Qui contacter en cas de crise la nuit ?');
  await watching.close();

  // The console: approve it and put it on screen, by keyboard; the projector, open in
  // another window and never touched, shows it.
  const projector = await context.newPage();
  await projector.goto(livePath.replace(/\/direct$/, '/projection'));
  await expect(projector.locator('.projector-question')).toContainText('Posez vos questions');
  await projector.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
  // Marked: a projector that reloaded itself would lose the mark (it updates in place).
  await projector.evaluate(() => { window.agoraNotReloaded = true; });
  await page.goto(consolePath);
  await expect(page.locator('#queue-title')).toContainText('(1)');
  await expectNoAxeViolations(page, 'console with a question to review');
  await tabTo(page, 'form[action="/api/console_action"]:has(input[value="approve"]) button', 80);
  await page.keyboard.press('Enter');
  await expect(page.locator('main [role="status"]')).toContainText("C'est fait.");
  await tabTo(page, 'button[aria-label^="Afficher à l\'écran"]', 80);
  await page.keyboard.press('Enter');
  await expect(page.locator('.question.highlighted')).toContainText('Qui contacter en cas de crise la nuit ?');
  await expectNoAxeViolations(page, 'console with a question on screen');
  await expect(projector.locator('.projector-question blockquote')).toHaveText('Qui contacter en cas de crise la nuit ?');
  await expect(projector.locator('.projector-counts')).toHaveText('1 question posée');
  expect(await projector.evaluate(() => window.agoraNotReloaded === true)).toBe(true);
  await expectNoAxeViolations(projector, 'projector');
  await projector.close();

  await setPreferences(context, baseURL, 'lang=en&easy=1');
  await page.goto(livePath);
  await expect(page.locator('h1')).toHaveText('Ask a question');
  await expectNoAxeViolations(page, 'live page, en easy-read');
  await page.goto(livePath.replace(/\/direct$/, ''));
  await expect(page.locator('main')).toContainText('Thursday 14 October 2027, 18:30');
  await expectNoAxeViolations(page, 'public page, en easy-read');
});
