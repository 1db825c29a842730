// The participants' live page follows its room in place: approvals, a pause that holds the
// list still, support sent over the socket — and the page is never reloaded to do it.
import { expect, test } from './fixtures.mjs';
import { expectNoAxeViolations, tabTo, waitForHydration } from './helpers.mjs';
import { approve, ask, openAssembly } from './live-helpers.mjs';
import { signUp } from './staff-helpers.mjs';

/** Marks the page so that a reload (which would clear the mark) can be detected. */
async function mark(page) {
  await page.evaluate(() => { window.agoraNotReloaded = true; });
}

async function expectNotReloaded(page) {
  expect(await page.evaluate(() => window.agoraNotReloaded === true)).toBe(true);
}

test('a participant sees approvals arrive in place, can pause them, and supports by keyboard without a reload', async ({ page, baseURL, browser }) => {
  await signUp(page, baseURL, 'Bruno Facilitateur');
  const livePath = await openAssembly(page, 'Plénière du fil en direct');
  const consolePath = livePath.replace(/\/direct$/, '/animation');

  // Two other people: one who asks, one who only watches the page.
  const askerContext = await browser.newContext();
  const asker = await askerContext.newPage();
  const watcherContext = await browser.newContext();
  const watcher = await watcherContext.newPage();
  await watcher.goto(livePath);
  await waitForHydration(watcher);
  await expect(watcher.locator('.feed-controls button')).toBeVisible();
  await mark(watcher);

  // Asked: the watcher learns a question waits, then sees it once approved, announced.
  await ask(asker, livePath, 'Comment aider un proche qui refuse les soins ?');
  await expect(watcher.locator('.live-feed')).toContainText('Une question attend');
  await approve(page, consolePath, 'Comment aider un proche');
  await expect(watcher.locator('ol.questions')).toContainText('Comment aider un proche qui refuse les soins ?');
  await expect(watcher.locator('.live-feed [role="status"].visually-hidden')).toHaveText(
    'Nouvelle question : Comment aider un proche qui refuse les soins ?',
  );
  await expectNotReloaded(watcher);
  await expectNoAxeViolations(watcher, 'live page following its room');

  // Paused by keyboard: what is approved meanwhile waits, counted, until resumed.
  await ask(asker, livePath, 'Où trouver un groupe de parole le soir ?');
  await tabTo(watcher, '.feed-controls button', 40);
  await expect(watcher.locator('.feed-controls button')).toHaveText('Mettre en pause les nouveautés');
  await watcher.keyboard.press('Enter');
  await approve(page, consolePath, 'groupe de parole');
  await expect(watcher.locator('.feed-controls button')).toHaveText(/Reprendre le fil \(\d+ nouveautés?\)/);
  await expect(watcher.locator('ol.questions')).not.toContainText('groupe de parole');
  await expectNoAxeViolations(watcher, 'live page paused');
  await watcher.keyboard.press('Enter');
  await expect(watcher.locator('ol.questions')).toContainText('Où trouver un groupe de parole le soir ?');
  await expect(watcher.locator('.feed-controls button')).toHaveText('Mettre en pause les nouveautés');
  await expectNotReloaded(watcher);

  // A first support is a form post (it gives the browser its participant cookie); the next
  // one goes over the socket, and the page stays where it is.
  await tabTo(watcher, 'button[aria-label="Soutenir : Comment aider un proche qui refuse les soins ?"]', 40);
  await watcher.keyboard.press('Enter');
  await expect(watcher.locator('main [role="status"]').first()).toContainText('Votre soutien est compté');
  await waitForHydration(watcher);
  await mark(watcher);
  await tabTo(watcher, 'button[aria-label="Soutenir : Où trouver un groupe de parole le soir ?"]', 40);
  await watcher.keyboard.press('Enter');
  const second = watcher.locator('ol.questions > li', { hasText: 'groupe de parole' });
  await expect(second.locator('.tag')).toHaveText('Vous soutenez cette question');
  await expect(second.locator('.votes')).toHaveText('1 soutien');
  await expect(second.locator('.tag')).toBeFocused();
  await expectNotReloaded(watcher);

  // What a screen reader meets: a list, each question with its supports and the reader's own.
  await expect(watcher.locator('ol.questions')).toMatchAriaSnapshot(`
    - list:
      - listitem:
        - paragraph: Comment aider un proche qui refuse les soins ?
        - paragraph: 1 soutien
        - paragraph: Vous soutenez cette question
        - 'button "Écouter : Comment aider un proche qui refuse les soins ?"'
      - listitem:
        - paragraph: Où trouver un groupe de parole le soir ?
        - paragraph: 1 soutien
        - paragraph: Vous soutenez cette question
        - 'button "Écouter : Où trouver un groupe de parole le soir ?"'
  `);
  // The asker's page, open all along, shows the support counted.
  await expect(asker.locator('ol.questions > li', { hasText: 'groupe de parole' }).locator('.votes')).toHaveText('1 soutien');
  await askerContext.close();
  await watcherContext.close();
});

test('the facilitator moderates with one-letter shortcuts, and the focus keeps its place across redraws', async ({ page, baseURL, browser }) => {
  await signUp(page, baseURL, 'Chloé Animatrice');
  const livePath = await openAssembly(page, 'Plénière au clavier');
  const consolePath = livePath.replace(/\/direct$/, '/animation');
  const askerContext = await browser.newContext();
  const asker = await askerContext.newPage();
  await ask(asker, livePath, 'Quels recours après une hospitalisation sans consentement ?');
  await ask(asker, livePath, 'Pub pour mon entreprise, appelez-moi');
  await askerContext.close();

  await page.goto(consolePath);
  await waitForHydration(page);
  const cards = page.locator('#queue-title + ol > li');
  await expect(cards).toHaveCount(2);
  const [first, second] = [cards.nth(0), cards.nth(1)];
  const secondId = await second.getAttribute('id');
  // Into the first question by Tab; Escape leaves its field for the question itself.
  await tabTo(page, '#queue-title + ol > li:first-child textarea', 60);
  await page.keyboard.press('Escape');
  await expect(first).toBeFocused();
  await page.keyboard.press('j');
  await expect(second).toBeFocused();
  await page.keyboard.press('k');
  await expect(first).toBeFocused();
  // E: correct the text; A: approve. The page comes back with the focus on the next question.
  await page.keyboard.press('e');
  await expect(first.locator('textarea')).toBeFocused();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' (reformulée)');
  await page.keyboard.press('Escape');
  await page.keyboard.press('a');
  await expect(page.locator('main [role="status"]').first()).toContainText("C'est fait.");
  await expect(page.locator(`#${secondId}`)).toBeFocused();
  // Each key sends a form and the page comes back: its shortcuts work once its islands have
  // started (after the first paint), so the next key waits for them.
  await waitForHydration(page);
  // R: set aside; the queue is empty.
  await page.keyboard.press('r');
  await expect(page.locator('main [role="status"]').first()).toContainText("C'est fait.");
  await expect(page.locator('#queue-title')).toContainText('(0)');
  await waitForHydration(page);

  // On the approved question: H shows it on screen, P pins it; the focus stays on it.
  const approved = page.locator('#approved-title + ol > li').first();
  await expect(approved).toContainText('Quels recours après une hospitalisation sans consentement ? (reformulée)');
  await tabTo(page, 'button[aria-label^="Afficher à l\'écran : Quels recours"]', 60);
  await page.keyboard.press('h');
  await expect(page.locator('main [role="status"]').first()).toContainText("C'est fait.");
  await expect(approved).toHaveClass(/highlighted/);
  await expect(approved).toBeFocused();
  await waitForHydration(page);
  await page.keyboard.press('p');
  await expect(approved.locator('.tag', { hasText: 'Épinglée' })).toBeVisible();
  await expect(approved).toBeFocused();
  await expectNoAxeViolations(page, 'console after keyboard moderation');
});
