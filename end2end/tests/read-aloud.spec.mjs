// "Listen" buttons: they read findings, survey questions, agenda items and the live questions with the browser's
// speech synthesis, in the text's language; they stay hidden where the browser cannot speak
// and without JavaScript. The synthesis itself is the browser's: the test records what is
// handed to it (headless Chromium has no voice to hear).
import { expect, test } from './fixtures.mjs';
import { demoPaths, expectNoAxeViolations, setPreferences, tabTo, waitForHydration } from './helpers.mjs';
import { approve, ask, openAssembly } from './live-helpers.mjs';
import { signUp } from './staff-helpers.mjs';

/** Replaces the browser's `speak` and `cancel` with recorders (`utterances` keeps what was
 * handed over, so that a test can end a reading as the voice would). */
async function recordSpeech(page) {
  await page.addInitScript(() => {
    window.spoken = [];
    window.utterances = [];
    window.cancelled = 0;
    if (!window.speechSynthesis) return;
    window.speechSynthesis.speak = (utterance) => {
      window.utterances.push(utterance);
      window.spoken.push({ text: utterance.text, lang: utterance.lang });
    };
    window.speechSynthesis.cancel = () => { window.cancelled += 1; };
  });
}

test('a finding is read aloud by keyboard, in French, and the button stops it', async ({ page, context, baseURL }) => {
  await recordSpeech(page);
  await setPreferences(context, baseURL, 'lang=fr');
  const { findingPath } = await demoPaths(page);
  await page.goto(findingPath);
  await waitForHydration(page);
  const button = page.locator('button.read-aloud');
  await expect(button).toBeVisible();
  await expect(button).toHaveAccessibleName(/^Écouter : /);
  await tabTo(page, 'button.read-aloud');
  await page.keyboard.press('Enter');
  const title = (await page.locator('#constat-titre').innerText()).trim();
  const spoken = await page.evaluate(() => window.spoken);
  expect(spoken).toHaveLength(1);
  expect(spoken[0].lang).toBe('fr');
  expect(spoken[0].text.startsWith(title)).toBe(true);
  expect(spoken[0].text).toContain((await page.locator('#constat-texte .lead').innerText()).trim().slice(0, 40));
  await expect(button.locator('.read-aloud-label')).toHaveText('Arrêter la lecture');
  await expectNoAxeViolations(page, 'finding while reading');
  // Pressed again: stopped, and the label says so.
  await page.keyboard.press('Enter');
  await expect(button.locator('.read-aloud-label')).toHaveText('Écouter');
  expect(await page.evaluate(() => window.cancelled)).toBeGreaterThan(0);
  expect(await page.evaluate(() => window.spoken.length)).toBe(1);
});

test('in English, the button speaks English and the French content is read in French', async ({ page, context, baseURL }) => {
  await recordSpeech(page);
  await setPreferences(context, baseURL, 'lang=en&easy=1');
  // The demo's own assembly (other tests create more, in parallel).
  await page.goto('/clsm-val-de-lisandre/assemblees/1');
  await waitForHydration(page);
  const first = page.locator('.agenda li').first();
  const button = first.locator('button.read-aloud');
  await expect(button).toHaveAccessibleName(/^Listen to the text : /);
  await expect(button).toHaveAttribute('lang', 'en');
  await button.click();
  const spoken = await page.evaluate(() => window.spoken);
  expect(spoken[0].lang).toBe('fr');
  expect(spoken[0].text.startsWith((await first.locator('h3').innerText()).trim())).toBe(true);
  await expectNoAxeViolations(page, 'assembly with listen buttons (en easy-read)');
});

test('each survey question has its own button, reading that question', async ({ page, context, baseURL }) => {
  await recordSpeech(page);
  await setPreferences(context, baseURL, 'lang=fr');
  await page.goto('/clsm-val-de-lisandre');
  await page.goto(await page.locator('a[href*="/questionnaires/"]').first().getAttribute('href'));
  await waitForHydration(page);
  const questions = page.locator('.survey .question');
  await expect(questions.locator('button.read-aloud')).toHaveCount(await questions.count());
  const third = questions.nth(2);
  await third.locator('button.read-aloud').click();
  const prompt = (await third.locator('[id$="-texte"]').innerText()).trim();
  expect(await page.evaluate(() => window.spoken.map((s) => s.text))).toEqual([prompt]);
  // A button inside the form sends nothing.
  await expect(page).toHaveURL(/\/questionnaires\/\d+$/);
});

test('a live question approved while the page is open gets its own button, which survives the list being redrawn', async ({ page, baseURL, browser }) => {
  await signUp(page, baseURL, 'Inès Animatrice');
  const livePath = await openAssembly(page, 'Plénière à écouter');
  const consolePath = livePath.replace(/\/direct$/, '/animation');
  const listenerContext = await browser.newContext();
  const listener = await listenerContext.newPage();
  await recordSpeech(listener);
  await setPreferences(listenerContext, baseURL, 'lang=fr');
  await listener.goto(livePath);
  await waitForHydration(listener);
  await expect(listener.locator('.feed-controls button')).toBeVisible();

  // Asked and approved after the page was drawn: the island adds the question, and its
  // button is shown (the script watches for buttons arriving).
  const body = 'Qui appeler la nuit quand un proche va mal ?';
  const askerContext = await browser.newContext();
  const asker = await askerContext.newPage();
  await ask(asker, livePath, body);
  await approve(page, consolePath, 'Qui appeler la nuit');
  const question = listener.locator('ol.questions > li', { hasText: body });
  const button = question.locator('button.read-aloud');
  await expect(button).toBeVisible();
  await expect(button).toHaveAccessibleName(`Écouter : ${body}`);
  await tabTo(listener, 'ol.questions button.read-aloud', 40);
  await listener.keyboard.press('Enter');
  expect(await listener.evaluate(() => window.spoken)).toEqual([{ text: body, lang: 'fr' }]);
  await expect(button.locator('.read-aloud-label')).toHaveText('Arrêter la lecture');

  // Someone supports it while it is read: the island draws the question again, and the new
  // button still says the reading goes on, and stops it.
  await button.evaluate((element) => { element.dataset.drawn = 'first'; });
  await asker.goto(livePath);
  await asker.locator(`button[aria-label="Soutenir : ${body}"]`).click();
  await expect(question.locator('.votes')).toHaveText('1 soutien');
  await expect(button).not.toHaveAttribute('data-drawn', 'first');
  await expect(button.locator('.read-aloud-label')).toHaveText('Arrêter la lecture');
  await expectNoAxeViolations(listener, 'live page while a question is read');
  await button.click();
  await expect(button.locator('.read-aloud-label')).toHaveText('Écouter');
  expect(await listener.evaluate(() => window.spoken.length)).toBe(1);

  // Read again to its end: the button comes back to "Listen" by itself.
  await button.click();
  await expect(button.locator('.read-aloud-label')).toHaveText('Arrêter la lecture');
  await listener.evaluate(() => window.utterances.at(-1).onend());
  await expect(button.locator('.read-aloud-label')).toHaveText('Écouter');

  // Drawn by the server this time: the button is added before the island starts, at the
  // item's end, and the island still follows the room (a new support counted in place),
  // with no complaint in the console.
  const complaints = [];
  listener.on('console', (message) => {
    if (['error', 'warning'].includes(message.type())) complaints.push(message.text());
  });
  listener.on('pageerror', (error) => complaints.push(error.message));
  await listener.reload();
  await waitForHydration(listener);
  await expect(listener.locator('.feed-controls button')).toBeVisible();
  await expect(question.locator('button.read-aloud')).toHaveCount(1);
  await expect(question.locator(':scope > :last-child')).toHaveClass(/read-aloud/);
  const thirdContext = await browser.newContext();
  const third = await thirdContext.newPage();
  await third.goto(livePath);
  await third.locator(`button[aria-label="Soutenir : ${body}"]`).click();
  await expect(question.locator('.votes')).toHaveText('2 soutiens');
  await expect(button).toBeVisible();
  await button.click();
  expect(await listener.evaluate(() => window.spoken)).toEqual([{ text: body, lang: 'fr' }]);
  expect(complaints).toEqual([]);
  await thirdContext.close();
  await askerContext.close();
  await listenerContext.close();
});

test('hidden where the browser cannot speak', async ({ page, context, baseURL }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true });
  });
  await setPreferences(context, baseURL, 'lang=fr');
  const { findingPath } = await demoPaths(page);
  await page.goto(findingPath);
  await waitForHydration(page);
  await expect(page.locator('button.read-aloud')).toHaveCount(1);
  await expect(page.locator('button.read-aloud')).toBeHidden();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the buttons stay hidden', async ({ page, context, baseURL }) => {
    await setPreferences(context, baseURL, 'lang=fr');
    const { findingPath } = await demoPaths(page);
    await page.goto(findingPath);
    await expect(page.locator('button.read-aloud')).toHaveCount(1);
    await expect(page.locator('button.read-aloud')).toBeHidden();
  });
});
