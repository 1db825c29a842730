// A working group's private meeting from the first question to its published minutes: a
// coordinator sets the group up, hands Karim a printed code, schedules and opens the
// meeting; Karim (without JavaScript) comes in, asks a question and answers a poll; the
// team approves and answers the question, closes the poll, drafts the minutes from the
// meeting by keyboard, is refused publication without the easy-read version, publishes
// them to the members and adds the slides. Karim reads them and downloads the slides; a
// visitor finds neither. The new screens in the four modes and at three sizes.
import { budget, expect, test } from './fixtures.mjs';
import { MODES, expectNoAxeViolations, setPreferences, tabTo } from './helpers.mjs';
import { approve } from './live-helpers.mjs';
import { signUp } from './staff-helpers.mjs';

const COUNCIL = '/clsm-val-de-lisandre';
const QUESTION = 'Quand visite-t-on la résidence accueil ?';
const POLL = 'Quel jour pour la visite ?';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

test('a private meeting run with a question and a poll, its minutes drafted, published to its members and read by them only', async ({ page, browser, baseURL }) => {
  test.setTimeout(budget(180_000));
  await signUp(page, baseURL, 'Mina Minutes');

  // The group, Karim in it with a printed code.
  await page.goto(`${COUNCIL}/instances/nouvelle`);
  const group = `Groupe de travail logement ${Date.now()}`;
  await page.selectOption('#body-kind', 'working_group');
  await page.fill('#body-name', group);
  await page.fill('#body-purpose', 'Suivre l\'accès au logement.');
  await page.fill('#body-purpose-easy', 'Le groupe parle du logement.');
  await page.locator('form[action$="save_body"] button[type="submit"]:not([name])').click();
  await expect(page.locator('h1')).toContainText(group);
  const body = new URL(page.url()).pathname;
  await page.fill('#member-new-name', 'Karim');
  await page.selectOption('#member-new-college', 'usagers');
  await page.selectOption('#member-new-role', 'cohost');
  await page.locator('form[action$="save_member"]:has(#member-new-name) button[type="submit"]').click();
  await expect(page.locator('main [role="status"]').first()).toContainText('Membre enregistré');
  await page.locator('table.members tr', { hasText: 'Karim' }).locator('button[name="kind"][value="code"]').click();
  const code = (await page.locator('.pass-code strong').textContent()).trim();

  // The meeting, for members only, published and opened.
  await page.goto(body);
  await page.fill('#meeting-title', 'Réunion privée du groupe logement');
  await page.fill('#meeting-starts-at', '2027-03-11T18:30');
  await page.fill('#meeting-place', 'Maison des associations');
  await page.locator('form[action$="schedule_meeting"] button[type="submit"]').click();
  await expect(page).toHaveURL(/\/preparer$/);
  await page.click('form[action="/api/publish_assembly"] button');
  await expect(page.locator('main [role="status"]')).toContainText('publiée');
  await page.click('form[action="/api/change_live_state"] button');
  await expect(page.locator('main [role="status"]')).toContainText('Le direct est ouvert');
  const meeting = new URL(page.url()).pathname.replace(/\/preparer$/, '');
  const consolePath = `${meeting}/animation`;

  // A poll, ready and opened from the console.
  await page.goto(consolePath);
  await page.locator('details.poll-new summary').click();
  await page.selectOption('#poll-kind', 'choice');
  await page.fill('#poll-question', POLL);
  await page.fill('#poll-options', 'Mardi\nJeudi');
  await page.locator('form:has(#poll-question) button[type="submit"]').click();
  await expect(page.locator('main [role="status"]').first()).toContainText('Sondage prêt');
  await page.locator('#sondages li.poll', { hasText: POLL }).locator('form:has(input[value="open"]) button').click();
  await expect(page.locator('main [role="status"]').first()).toContainText('Sondage ouvert');

  // Karim, without JavaScript: in by his code, a question, an answer to the poll.
  const karim = await browser.newContext({ baseURL, javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const phone = await karim.newPage();
  await phone.goto(`${COUNCIL}/membres`);
  await phone.fill('#member-code', code);
  await phone.locator('form[action$="enter_with_code"] button').click();
  await expect(phone.locator('h1')).toContainText(group);
  await phone.goto(`${meeting}/direct`);
  await phone.fill('#ask-body', QUESTION);
  await phone.click('form[action="/api/ask_question"] button[type="submit"]');
  await expect(phone.locator('main [role="status"]').first()).toContainText('Merci');
  const card = phone.locator('li.poll', { hasText: POLL });
  await card.locator('label', { hasText: 'Jeudi' }).click();
  await card.locator('button[type="submit"]').click();
  await expect(phone.locator('main [role="status"]').first()).toContainText('Merci : votre réponse est comptée.');

  // The team approves and answers the question, closes the poll.
  await approve(page, consolePath, QUESTION);
  const asked = page.locator('li', { hasText: QUESTION }).filter({ has: page.locator('details.answer-form') }).first();
  await asked.locator('details.answer-form summary').click();
  await asked.locator('textarea[name="answer"]').fill('Le 2 avril, avec le bailleur.');
  await asked.locator('textarea[name="answer_easy"]').fill('Le 2 avril.');
  await asked.locator('details.answer-form button[type="submit"]').click();
  await expect(page.locator('main [role="status"]').first()).toBeVisible();
  await page.goto(consolePath);
  await page.locator('#sondages li.poll', { hasText: POLL }).locator('form:has(input[value="close"]) button').click();
  await expect(page.locator('main [role="status"]').first()).toContainText('Sondage fermé');

  // The minutes, from the meeting's page, by keyboard: a draft of what the meeting held.
  await page.goto(meeting);
  await tabTo(page, `a[href="${meeting}/compte-rendu/modifier"]`, 80);
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toContainText('Rédiger le compte rendu');
  await expect(page.locator('main')).toContainText('Rien n\'est enregistré');
  const text = page.locator('#minutes-text');
  await expect(text).toHaveValue(new RegExp(QUESTION.replace('?', '\\?')));
  await expect(text).toHaveValue(/Réponse : Le 2 avril, avec le bailleur\./);
  await expect(text).toHaveValue(/Trop peu de réponses pour les montrer/);
  await expect(text).not.toHaveValue(/Jeudi : 1/);
  const easyDraft = await page.locator('#minutes-text-easy').inputValue();
  expect(easyDraft).toContain('Ce que nous avons décidé');
  const draft = await text.inputValue();
  await text.fill(draft.replace('- (à compléter)', '- La visite aura lieu le 2 avril.'));
  // Saved once without the easy-read version: a draft may; publishing may not.
  await page.locator('#minutes-text-easy').fill('');
  await tabTo(page, 'form[action$="save_minutes"] button[type="submit"]', 10);
  await page.keyboard.press('Enter');
  await expect(page.locator('main [role="status"]').first()).toContainText('Compte rendu enregistré');
  await page.check('#minutes-audience-members');
  await page.locator('form[action$="publish_minutes"] button[type="submit"]').click();
  await expect(page.locator('#minutes-audience-error')).toContainText('Écrivez la version facile à lire avant de publier.');
  await page.locator('#minutes-text-easy').fill(easyDraft.replace('- (à écrire)', '- Nous visitons le 2 avril.'));
  await page.locator('form[action$="save_minutes"] button[type="submit"]').click();
  await expect(page.locator('main [role="status"]').first()).toContainText('Compte rendu enregistré');
  // A meeting for members only offers no public minutes.
  await expect(page.locator('#minutes-audience-public')).toHaveCount(0);
  await page.check('#minutes-audience-members');
  await page.locator('form[action$="publish_minutes"] button[type="submit"]').click();
  await expect(page.locator('main [role="status"]').first()).toContainText('Compte rendu publié');

  // The slides, a file checked at the door.
  await page.fill('#document-title', 'Diaporama de la réunion');
  await page.setInputFiles('#document-file', { name: 'diaporama.pdf', mimeType: 'application/pdf', buffer: PDF });
  await page.locator('form[action$="upload_document"] button[type="submit"]').click();
  await expect(page.locator('main [role="status"]').first()).toContainText('Document ajouté');
  await expect(page.locator('#documents')).toContainText('Diaporama de la réunion');
  await page.fill('#document-title', 'Une page web');
  await page.setInputFiles('#document-file', { name: 'page.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html><script>alert(1)</script>') });
  await page.locator('form[action$="upload_document"] button[type="submit"]').click();
  await expect(page.locator('#document-file-error')).toContainText('Ce type de fichier n\'est pas accepté');
  const editor = new URL(page.url()).pathname;

  // Karim reads them from his body's archive, and downloads the slides.
  await phone.goto(body);
  await phone.locator('#comptes-rendus a', { hasText: 'Réunion privée du groupe logement' }).click();
  await expect(phone.locator('h1')).toContainText('Compte rendu');
  await expect(phone.locator('article.minutes')).toContainText('La visite aura lieu le 2 avril.');
  await expect(phone.locator('article.minutes h2').first()).toBeVisible();
  const slides = await phone.locator('#documents a', { hasText: 'Diaporama' }).getAttribute('href');
  const file = await phone.request.get(slides);
  expect(file.status()).toBe(200);
  expect(file.headers()['content-type']).toBe('application/pdf');
  await karim.close();

  // A visitor: no minutes, no slides, no trace in the group's archive.
  const visitor = await browser.newContext({ baseURL });
  const outside = await visitor.newPage();
  expect((await outside.goto(`${meeting}/compte-rendu`)).status()).toBe(404);
  expect((await outside.request.get(slides)).status()).toBe(404);
  await outside.goto(body);
  await expect(outside.locator('#comptes-rendus')).toContainText('Aucun compte rendu publié');
  await visitor.close();

  // Both screens in the four modes, and at three sizes.
  const reader = `${meeting}/compte-rendu`;
  for (const mode of MODES) {
    await setPreferences(page.context(), baseURL, mode.cookie);
    for (const path of [reader, editor, body, meeting]) {
      await page.goto(path);
      await expect(page.locator('h1')).toBeVisible();
      await expectNoAxeViolations(page, `${path} (${mode.name})`);
    }
  }
  await setPreferences(page.context(), baseURL, 'lang=fr');
  for (const [width, height] of [[390, 844], [1280, 800], [1920, 1080]]) {
    await page.setViewportSize({ width, height });
    for (const [what, path] of [['reader', reader], ['editor', editor]]) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${what}: sideways scroll at ${width}`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `test-results/minutes-${what}-${width}.png`, fullPage: true });
    }
  }
});
