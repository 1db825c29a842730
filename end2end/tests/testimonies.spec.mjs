// Testimonies end to end: posted by keyboard alone in easy-read (the help panel beside the
// form, the private link after), redacted and published by a facilitator by keyboard, then
// read on the wall; axe-core on every screen.
import { budget, expect, test } from './fixtures.mjs';
import { expectNoAxeViolations, setPreferences, tabTo } from './helpers.mjs';
import { signUp } from './staff-helpers.mjs';

const COUNCIL = '/clsm-val-de-lisandre';

test('a testimony posted by keyboard in easy-read, redacted and published by a facilitator, on the wall', async ({ page, baseURL, context }) => {
  test.setTimeout(budget(120_000));
  await setPreferences(context, baseURL, 'lang=fr&easy=1');
  await page.goto(COUNCIL);
  await tabTo(page, `a[href="${COUNCIL}/temoignages/nouveau"]`, 120);
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toContainText('Raconter');
  await expect(page.locator('.help-panel')).toContainText('3114');
  await expectNoAxeViolations(page, 'testimony form, easy-read');

  await tabTo(page, '#testimony-happened', 80);
  await page.keyboard.type("Au CMP, le Dr Lefèvre m'a écouté.");
  await tabTo(page, '#testimony-change', 10);
  await page.keyboard.type('Des rendez-vous plus tôt.');
  await tabTo(page, '#testimony-pseudonym', 10);
  await page.keyboard.type('Lou');
  await tabTo(page, '#consent-public', 20);
  await page.keyboard.press('Space');
  await tabTo(page, 'form.testimony-form button[type="submit"]', 10);
  await page.keyboard.press('Enter');
  await expect(page.locator('.receipt')).toContainText("Merci ! C'est envoyé.");
  // The address has no token: the browser keeps it in a cookie no script can read.
  expect(new URL(page.url()).pathname).toBe(`${COUNCIL}/temoignages/suivi`);
  const link = (await page.locator('.private-link code').textContent()).trim();
  expect(link).toMatch(/\/temoignages\/suivi\/[0-9a-f]{64}$/);
  const kept = (await context.cookies()).find((c) => c.name === 'agora_testimony');
  expect(kept?.httpOnly).toBe(true);
  expect(kept?.expires).toBe(-1);
  expect(await page.evaluate(() => document.cookie)).not.toContain('agora_testimony');
  await expect(page.locator('.help-panel')).toBeVisible();
  await expectNoAxeViolations(page, 'testimony private link, easy-read');
  // The link opened later, in another browser: the same page, at a token-free address.
  const elsewhere = await page.context().browser().newContext({ baseURL });
  const other = await elsewhere.newPage();
  await other.goto(new URL(link).pathname);
  expect(new URL(other.url()).pathname).toBe(`${COUNCIL}/temoignages/suivi`);
  await expect(other.locator('main')).toContainText('Des rendez-vous plus tôt.');
  await elsewhere.close();

  // A facilitator: the queue, names removed by keyboard (nothing stored), then published.
  await setPreferences(context, baseURL, 'lang=fr');
  await signUp(page, baseURL, 'Fanny Facilite', 'facilitator+testimony');
  await page.goto(`${COUNCIL}/temoignages`);
  // Other tests post too, in parallel: this one's card, by what it said.
  const card = page.locator('article[id^="temoignage-"]', { hasText: "m'a écouté" });
  await expect(card).toHaveCount(1);
  const cardId = await card.getAttribute('id');
  await expectNoAxeViolations(page, 'testimony moderation queue');
  const names = `#${await card.locator('input[name="names"]').getAttribute('id')}`;
  await tabTo(page, names, 120);
  await page.keyboard.type('Lefèvre');
  await page.keyboard.press('Enter');
  const happened = page.locator(`#${cardId} textarea[name="happened"]`);
  await expect(happened).toHaveValue("Au CMP, le Dr […] m'a écouté.");
  await expect(page.locator(`#${cardId} [role="status"]`)).toContainText('Rien n\'est enregistré');
  const approve = `#${cardId} button[value="approve"]`;
  await tabTo(page, approve, 40);
  await page.keyboard.press('Enter');
  await expect(page.locator('main [role="status"]').first()).toContainText('La décision est enregistrée.');
  const published = page.locator('article.testimony', { hasText: 'Lou' });
  await expect(published).toContainText("Au CMP, le Dr […] m'a écouté.");
  await expect(published).toContainText('Lou');
  await expect(published).not.toContainText('Lefèvre');
  // Its "Listen" button reads the published text, as redacted.
  const listen = published.locator('button.read-aloud');
  await expect(listen).toBeVisible();
  await expect(page.locator(`#${await listen.getAttribute('data-read')}`)).toContainText("le Dr […] m'a écouté");
  await expectNoAxeViolations(page, 'testimony wall');

  // Erased for good by the facilitator, by keyboard: first refused without the box ticked.
  const id = cardId.replace('temoignage-', '');
  const confirm = `#supprimer-${id}`;
  await expect(page.locator('#decides-title')).toBeVisible();
  for (const width of [390, 1280, 1920]) {
    await page.setViewportSize({ width, height: width === 1920 ? 1080 : 900 });
    await page.locator(confirm).scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath(`decided-${width}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await expectNoAxeViolations(page, 'decided testimonies');
  await tabTo(page, confirm, 200);
  await page.keyboard.press('Space');
  await expect(page.locator(confirm)).toBeChecked();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.locator('main [role="status"]').first()).toContainText('Le témoignage est effacé.');
  await expect(page.locator('article.testimony', { hasText: "le Dr […] m'a écouté" })).toHaveCount(0);
  await expect(page.locator(confirm)).toHaveCount(0);
  // The council's testimony screen, on a second tab as on a projector: nobody touches it,
  // and it follows the facilitator's choice in place, without reloading.
  const screen = await context.newPage();
  await screen.goto(`${COUNCIL}/temoignages/ecran`);
  await expect(screen.locator('.projector')).toContainText("Pas de témoignage à l'écran");
  await expectNoAxeViolations(screen, 'testimony projector');
  await screen.evaluate(() => { window.sameDocument = true; });
  await page.goto(`${COUNCIL}/temoignages`);
  const chosen = page.locator('section[aria-labelledby="ecran-title"] li.card').first();
  const opening = (await chosen.locator('p[lang="fr"]').textContent()).slice(0, 30);
  await chosen.locator('form button[type="submit"]').first().click();
  await expect(page.locator('main [role="status"]').first()).toContainText("L'écran est mis à jour.");
  await expect(screen.locator('.projector article.testimony')).toContainText(opening, { timeout: budget(15_000) });
  expect(await screen.evaluate(() => window.sameDocument), 'not reloaded').toBe(true);
  // Taken off the screen again: the screen empties itself the same way.
  await page.locator('section[aria-labelledby="ecran-title"] > form button[type="submit"]').click();
  await expect(screen.locator('.projector')).toContainText("Pas de témoignage à l'écran", { timeout: budget(15_000) });
  expect(await screen.evaluate(() => window.sameDocument), 'not reloaded').toBe(true);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a file that only looks like a recording is refused beside its field', async ({ page, baseURL, context }) => {
    await setPreferences(context, baseURL, 'lang=fr&easy=1');
    await page.goto(`${COUNCIL}/temoignages/nouveau`);
    await expect(page.locator('#testimony-recorder')).toBeHidden();
    await page.locator('#testimony-audio').setInputFiles({
      name: 'message.ogg',
      mimeType: 'audio/ogg',
      buffer: Buffer.concat([Buffer.from('OggS'), Buffer.alloc(400, 1)]),
    });
    await page.locator('#testimony-pseudonym').fill('Sans script');
    await page.locator('form.testimony-form button[type="submit"]').click();
    await expect(page.locator('#testimony-audio')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#testimony-pseudonym')).toHaveValue('Sans script');
    await expect(page.locator('#testimony-audio-error')).toContainText('Ce fichier ne marche pas.');
  });
});
