// Quick polls in the plenary: the facilitator prepares and opens a word cloud from the
// console, the phones offer it in place (and without JavaScript on reload), five people
// answer (the council's minimum group), the words wait for the team, approved words reach
// the screen; a testimony is put on the screen from the console; a pause blacks it out;
// every new screen is axe-clean in every mode
// and usable with the keyboard.
import { budget, expect, test } from './fixtures.mjs';
import { MODES, expectNoAxeViolations, setPreferences, waitForHydration } from './helpers.mjs';
import { openAssembly } from './live-helpers.mjs';
import { signUp } from './staff-helpers.mjs';

const QUESTION = 'Un mot pour dire ce qui vous aide ?';

/** Goes to the console; it redraws itself when its room moves, so a navigation of ours
 *  that crosses one of its reloads is tried again. */
async function console_(page, path) {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.goto(path);
      await expect(page.locator('#console-polls-title')).toBeVisible();
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

/** A phone (with or without JavaScript) answers the open poll `question` on the live page:
 *  `fill` fills in its card; the answer is sent and acknowledged. Returns the phone, whose
 *  context the caller closes. */
async function answerOnPhone(browser, livePath, question, javaScriptEnabled, fill) {
  const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 390, height: 844 } });
  const phone = await context.newPage();
  await phone.goto(livePath);
  const card = phone.locator('li.poll', { hasText: question });
  await fill(card);
  await card.locator('button[type="submit"]').click();
  await expect(phone.locator('main [role="status"]').first()).toContainText('Merci : votre réponse est comptée.');
  return { context, phone };
}

async function answerWord(browser, livePath, word, javaScriptEnabled) {
  const { context, phone } = await answerOnPhone(browser, livePath, QUESTION, javaScriptEnabled,
    (card) => card.locator('input[name="answer"]').fill(word));
  await expect(phone.locator('li.poll', { hasText: QUESTION })).toContainText('Merci : votre réponse est comptée avec celles des autres');
  await context.close();
}

test('a word cloud from the console to the screen, answered from phones with and without JavaScript', async ({ page, baseURL, browser }) => {
  test.setTimeout(budget(180_000));
  await signUp(page, baseURL, 'Sonia Sondage');
  const livePath = await openAssembly(page, 'Plénière des sondages');
  const assemblyPath = livePath.replace(/\/direct$/, '');
  const consolePath = `${assemblyPath}/animation`;

  const screenContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const screen = await screenContext.newPage();
  await screen.goto(`${assemblyPath}/projection`);
  await waitForHydration(screen);
  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const phone = await phoneContext.newPage();
  await phone.goto(livePath);
  await waitForHydration(phone);
  await phone.evaluate(() => { window.agoraNotReloaded = true; });

  // Prepared with the keyboard: the disclosure, the kind, the question.
  await console_(page, consolePath);
  const summary = page.locator('details.poll-new summary');
  await summary.focus();
  await page.keyboard.press('Enter');
  await page.selectOption('#poll-kind', 'words');
  await page.fill('#poll-question', QUESTION);
  await page.fill('#poll-question-easy', "Un mot : qu'est-ce qui vous aide ?");
  await page.locator('#poll-question').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('main [role="status"]').first()).toContainText('Sondage prêt');
  await expectNoAxeViolations(page, 'console with a poll');

  // Opened: the phone offers it in place and says so.
  const card = page.locator('#sondages li.poll', { hasText: QUESTION });
  await card.locator('form:has(input[value="open"]) button').click();
  await expect(page.locator('main [role="status"]').first()).toContainText('Sondage ouvert');
  await expect(phone.locator('li.poll', { hasText: QUESTION }).locator('input[name="answer"]')).toBeVisible();
  await expect(phone.locator('.live-feed [role="status"].visually-hidden')).toContainText(`Un sondage est ouvert : ${QUESTION}`);
  expect(await phone.evaluate(() => window.agoraNotReloaded === true)).toBe(true);
  await expectNoAxeViolations(phone, 'live page offering a poll');
  await phone.locator('li.poll', { hasText: QUESTION }).scrollIntoViewIfNeeded();
  await phone.screenshot({ path: test.info().outputPath('phone-poll-form.png') });

  // On screen: the question, and how many answered, nothing else yet.
  await console_(page, consolePath);
  await page.locator('#sondages li.poll', { hasText: QUESTION }).locator('form:has(input[value="show"]) button').click();
  await expect(screen.locator('.room-slide .slide-poll h2')).toHaveText(QUESTION);
  await expect(screen.locator('.room-slide .poll-too-few')).toContainText('Aucune réponse comptée');

  // Five answers: two from phones with JavaScript, three without.
  const words = [['Écoute', true], ['écoute', false], ['lien', false], ['soin', true], ['soin', false]];
  for (const [word, js] of words) await answerWord(browser, livePath, word, js);
  await expect(screen.locator('.room-slide')).toContainText('5 réponses attendent la relecture', { timeout: budget(15_000) });
  await expect(screen.locator('.room-slide .poll-cloud')).toHaveCount(0);

  // The team approves two words and keeps one off; the screen shows the approved ones.
  await console_(page, consolePath);
  for (const [word, action] of [['écoute', 'approve-word'], ['soin', 'approve-word'], ['lien', 'reject-word']]) {
    const row = page.locator('#sondages .word-review li', { hasText: word }).first();
    await row.locator(`form:has(input[value="${action}"]) button`).click();
    await expect(page.locator('main [role="status"]').first()).toContainText('Mot relu');
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.locator('#sondages').scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('console-polls.png') });
  const cloud = screen.locator('.room-slide .poll-cloud');
  await expect(cloud).toContainText('écoute', { timeout: budget(15_000) });
  await expect(cloud).toContainText('soin');
  await expect(cloud).not.toContainText('lien');
  await expect(cloud.locator('li.cloud-5')).toHaveCount(2);
  await expectNoAxeViolations(screen, 'projector showing a word cloud');
  await screen.screenshot({ path: test.info().outputPath('screen-word-cloud.png') });

  // A testimony on the room's screen: posted from a phone with the projector allowed,
  // published, then chosen in the console; the screen follows in place.
  const authorContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const author = await authorContext.newPage();
  await author.goto(`${livePath.replace(/\/assemblees\/.*$/, '')}/temoignages/nouveau`);
  await author.fill('#testimony-happened', "Au groupe d'entraide, on m'a attendu sans rien me demander.");
  await author.check('#consent-projector');
  await author.click('form.testimony-form button[type="submit"]');
  await expect(author.locator('.receipt')).toBeVisible();
  await authorContext.close();
  await page.goto(`${livePath.replace(/\/assemblees\/.*$/, '')}/temoignages`);
  const posted = page.locator('article[id^="temoignage-"]', { hasText: 'sans rien me demander' });
  await posted.locator('button[value="approve"]').click();
  await expect(page.locator('main [role="status"]').first()).toContainText('La décision est enregistrée.');
  await console_(page, consolePath);
  await page.locator('section[aria-labelledby="ecran-title"] li.card', { hasText: 'sans rien me demander' })
    .locator('form:has(input[name="what"][value="testimony"]) button').click();
  await expect(screen.locator('.room-slide .slide-testimony')).toContainText('sans rien me demander', { timeout: budget(15_000) });
  await expectNoAxeViolations(screen, 'projector showing a testimony');

  // A pause: the whole display goes black from the console.
  await console_(page, consolePath);
  await page.locator('section[aria-labelledby="screen-title"] form:has(input[value="pause"]) button').click();
  await expect(screen.locator('.room-slide .slide-pause')).toBeVisible();
  const black = await screen.evaluate(() => {
    const el = document.elementFromPoint(960, 540);
    return getComputedStyle(el).backgroundColor;
  });
  expect(black).toBe('rgb(0, 0, 0)');

  // Closed: the assembly's page keeps the cloud.
  await console_(page, consolePath);
  await page.locator('#sondages li.poll', { hasText: QUESTION }).locator('form:has(input[value="close"]) button').click();
  await expect(page.locator('main [role="status"]').first()).toContainText('Sondage fermé');
  await page.goto(assemblyPath);
  const record = page.locator('section[aria-labelledby="record-polls-title"]');
  await expect(record).toContainText(QUESTION);
  await expect(record.locator('.poll-cloud')).toContainText('écoute');

  // The new screens in the four modes.
  for (const mode of MODES) {
    await setPreferences(page.context(), baseURL, mode.cookie);
    for (const path of [assemblyPath, consolePath, livePath]) {
      await page.goto(path);
      await expectNoAxeViolations(page, `${path} (${mode.name})`);
    }
  }
  for (const context of [screenContext, phoneContext]) await context.close();
});

/** Prepares a poll from the console and opens it. */
async function preparePoll(page, consolePath, kind, question, options = '') {
  await console_(page, consolePath);
  await page.locator('details.poll-new summary').click();
  await page.selectOption('#poll-kind', kind);
  await page.fill('#poll-question', question);
  if (options) await page.fill('#poll-options', options);
  await page.locator('details.poll-new button[type="submit"]').click();
  await expect(page.locator('main [role="status"]').first()).toContainText('Sondage prêt');
  const card = page.locator('#sondages li.poll', { hasText: question });
  await card.locator('form:has(input[value="open"]) button').click();
  await expect(page.locator('main [role="status"]').first()).toContainText('Sondage ouvert');
  await console_(page, consolePath);
  await page.locator('#sondages li.poll', { hasText: question }).locator('form:has(input[value="show"]) button').click();
}

/** One phone answers by choosing the radio button labelled `label`. */
async function answerChoice(browser, livePath, question, label, javaScriptEnabled) {
  const { context } = await answerOnPhone(browser, livePath, question, javaScriptEnabled,
    (card) => card.getByLabel(label, { exact: true }).check());
  await context.close();
}

/** The projector at both ends of the 16:9 range: no scrolling, and a picture of each. */
async function screenFits(screen, name) {
  for (const [width, height] of [[1280, 720], [1920, 1080]]) {
    await screen.setViewportSize({ width, height });
    // Neither the page nor the screen's own frame (which would scroll what does not fit).
    const overflow = await screen.evaluate(() => {
      const frame = document.querySelector('main.room > .projector');
      return Math.max(document.documentElement.scrollHeight - window.innerHeight, frame.scrollHeight - frame.clientHeight);
    });
    expect(overflow, `${name} at ${width}×${height} scrolls`).toBeLessThanOrEqual(0);
    // The join address as people type it (no scheme, so it is short) and on one line, never
    // broken inside a word.
    const address = await screen.locator('.projector-join figcaption').evaluate((el) =>
      ({ height: el.getBoundingClientRect().height, line: parseFloat(getComputedStyle(el).lineHeight) }));
    expect(address.height, `join address at ${width} on one line`).toBeLessThan(1.5 * address.line);
    await expect(screen.locator('.projector-join figcaption')).not.toContainText('://');
    await screen.screenshot({ path: test.info().outputPath(`screen-${name}-${width}.png`) });
  }
}

test('a single-choice poll and a rating from the console to the screen, answered from phones', async ({ page, baseURL, browser }) => {
  test.setTimeout(budget(180_000));
  await signUp(page, baseURL, 'Carla Choix');
  const livePath = await openAssembly(page, 'Plénière des choix');
  const assemblyPath = livePath.replace(/\/direct$/, '');
  const consolePath = `${assemblyPath}/animation`;
  const screenContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const screen = await screenContext.newPage();
  await screen.goto(`${assemblyPath}/projection`);
  await waitForHydration(screen);

  const choice = 'Quelle action en premier ?';
  await preparePoll(page, consolePath, 'choice', choice, 'Un lieu d\'accueil de jour\nDes permanences au CMP le samedi\nUn numéro unique');
  await expect(screen.locator('.room-slide .slide-poll h2')).toHaveText(choice);
  const picks = [['Un numéro unique', true], ['Un numéro unique', false], ['Un lieu d\'accueil de jour', true],
    ['Un numéro unique', false], ['Des permanences au CMP le samedi', true]];
  for (const [label, js] of picks) await answerChoice(browser, livePath, choice, label, js);
  // Counted by whole groups of five: all five at once, shares of the five.
  const table = screen.locator('.room-slide .poll-standing');
  await expect(table).toContainText('60 % (3 réponses)', { timeout: budget(15_000) });
  await expect(table.locator('tr', { hasText: 'Un lieu d\'accueil de jour' })).toContainText('20 % (1 réponse)');
  await expect(screen.locator('.room-slide .poll-total')).toContainText('5 réponses');
  await expectNoAxeViolations(screen, 'projector showing a choice poll');
  await screenFits(screen, 'choice');

  const rating = 'Comment notez-vous cette plénière ?';
  await preparePoll(page, consolePath, 'rating', rating);
  await expect(screen.locator('.room-slide .slide-poll h2')).toHaveText(rating, { timeout: budget(15_000) });
  for (const [mark, js] of [['4', true], ['5', false], ['3', true], ['4', false], ['5', true]]) {
    await answerChoice(browser, livePath, rating, mark, js);
  }
  await expect(screen.locator('.room-slide .poll-total')).toContainText('5 réponses — moyenne 4,2 sur 5', { timeout: budget(15_000) });
  const four = screen.locator('.room-slide .poll-standing tr').filter({ has: screen.locator('th', { hasText: /^4$/ }) });
  await expect(four).toContainText('40 % (2 réponses)');
  await expectNoAxeViolations(screen, 'projector showing a rating');
  await screenFits(screen, 'rating');
  await screenContext.close();
});
