// The plenary room's screens as the room sees them: the projector fills a 16:9 display
// with no scrolling and none of the site around it, reads from the back (text at least 3 %
// of the height, the question larger), gives the join code and QR code a large place while
// joining is the point and a corner afterwards, follows the room in place, and goes black
// for a pause. On phones the crisis strip is one line; results tables never break a word.
import { budget, test, expect } from './fixtures.mjs';
import { MODES, expectNoAxeViolations, setPreferences, waitForHydration } from './helpers.mjs';
import { openAssembly, ask, approve } from './live-helpers.mjs';
import { signUp } from './staff-helpers.mjs';

const COUNCIL = '/clsm-val-de-lisandre';
const DISPLAYS = [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }];

/** What a room screen measures: scrolling, chrome, the smallest text, the QR code. */
async function measure(page) {
  return page.evaluate(() => {
    const room = document.querySelector('main.room');
    const visible = (el) => {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && style.visibility !== 'hidden' && !el.closest('[hidden]');
    };
    // Every element that holds text of its own, but the discreet crisis line and the
    // operator's buttons in the corner.
    const texts = [...room.querySelectorAll('*')].filter((el) =>
      visible(el)
      && !el.closest('.room-crisis, .room-controls, .room-black')
      && [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim()));
    const smallest = Math.min(...texts.map((el) => parseFloat(getComputedStyle(el).fontSize)));
    const qr = document.querySelector('.qr-code')?.getBoundingClientRect();
    const quote = document.querySelector('.projector-question blockquote');
    return {
      pageScrolls: document.documentElement.scrollHeight > window.innerHeight
        || document.documentElement.scrollWidth > window.innerWidth,
      roomScrolls: room.scrollHeight > room.clientHeight + 1 || room.scrollWidth > room.clientWidth + 1,
      chrome: document.querySelectorAll('.site-header, .site-nav, .site-footer, .skip-link').length,
      smallest,
      qrHeight: qr ? qr.height : 0,
      quoteSize: quote ? parseFloat(getComputedStyle(quote).fontSize) : 0,
      crisisLines: (() => {
        const line = document.querySelector('.room-crisis');
        return line ? Math.round(line.getBoundingClientRect().height / parseFloat(getComputedStyle(line).lineHeight || '1')) : 0;
      })(),
    };
  });
}

test('the projector fills the display, reads from the back and follows the room in place', async ({ page, browser, baseURL }) => {
  test.setTimeout(budget(120_000));
  await signUp(page, baseURL, 'Pia Projection');
  const live = await openAssembly(page, 'Plénière de la salle');
  const projectorPath = live.replace(/\/direct$/, '/projection');
  const consolePath = live.replace(/\/direct$/, '/animation');
  const wall = await browser.newContext();
  const projector = await wall.newPage();
  for (const display of DISPLAYS) {
    await projector.setViewportSize(display);
    await projector.goto(projectorPath);
    await waitForHydration(projector);
    const joining = await measure(projector);
    expect(joining.pageScrolls, `page scroll at ${display.width}`).toBe(false);
    expect(joining.roomScrolls, `room scroll at ${display.width}`).toBe(false);
    expect(joining.chrome, 'no site chrome').toBe(0);
    expect(joining.smallest, `smallest text at ${display.width}`).toBeGreaterThanOrEqual(0.03 * display.height - 0.5);
    expect(joining.qrHeight, `QR while joining at ${display.width}`).toBeGreaterThanOrEqual(0.25 * display.height);
    await expect(projector.locator('.join-code strong')).toBeVisible();
    await expect(projector.locator('.room-crisis')).toContainText('3114');
  }

  // A question asked, approved and put on screen: the projector changes in place.
  const participant = await (await browser.newContext()).newPage();
  await ask(participant, live, 'Quand ouvrira la maison des usagers ?');
  await approve(page, consolePath, 'Quand ouvrira la maison des usagers ?');
  await projector.evaluate(() => { window.notReloaded = true; });
  await page.locator('#approved-title + ol > li', { hasText: 'maison des usagers' })
    .locator('form:has(input[value="highlight"]) button').click();
  await expect(projector.locator('.projector-question blockquote')).toContainText('maison des usagers');
  expect(await projector.evaluate(() => window.notReloaded), 'followed over the websocket').toBe(true);
  for (const display of DISPLAYS) {
    await projector.setViewportSize(display);
    const showing = await measure(projector);
    expect(showing.roomScrolls, `room scroll with a question at ${display.width}`).toBe(false);
    expect(showing.smallest).toBeGreaterThanOrEqual(0.03 * display.height - 0.5);
    expect(showing.quoteSize, 'the question is larger').toBeGreaterThanOrEqual(0.06 * display.height - 0.5);
    expect(showing.qrHeight, 'the QR code in a corner').toBeLessThan(0.25 * display.height);
    expect(showing.qrHeight).toBeGreaterThan(0.1 * display.height);
  }

  // A pause: B blacks the screen out and brings it back; the button does the same.
  await projector.keyboard.press('b');
  await expect(projector.locator('.room-black')).toBeVisible();
  await projector.keyboard.press('b');
  await expect(projector.locator('.room-black')).toBeHidden();
  await projector.getByRole('button', { name: 'Écran noir (B)' }).click();
  await expect(projector.locator('.room-black')).toBeVisible();
  await projector.getByRole('button', { name: /Revenir/ }).click();
  await expect(projector.locator('.room-black')).toBeHidden();
  await wall.close();
});

test('room screens are axe-clean in every mode', async ({ context, page, baseURL }) => {
  test.setTimeout(budget(90_000));
  await signUp(page, baseURL, 'Axel Salle');
  const live = await openAssembly(page, 'Plénière accessible');
  await page.goto(`${COUNCIL}/votes`);
  const closedVote = await page.locator('.card h2 a', { hasText: "Consultation d'automne" }).getAttribute('href');
  for (const mode of MODES) {
    await setPreferences(context, baseURL, mode.cookie);
    for (const path of [live.replace(/\/direct$/, '/projection'), `${closedVote}/projection`, `${COUNCIL}/temoignages/ecran`]) {
      await page.goto(path);
      await expect(page.locator('.site-header')).toHaveCount(0);
      await expectNoAxeViolations(page, `${path} (${mode.name})`);
    }
  }
});

test('on a phone the crisis strip is one line: 3114 at hand, the other numbers one tap away', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${COUNCIL}/votes`);
  const strip = page.locator('aside.crisis');
  const box = await strip.boundingBox();
  // One row: the 3114 link and the disclosure side by side, the strip no taller than a
  // row of 44 px targets and its padding.
  const call = await strip.locator('a[href="tel:3114"]:visible').boundingBox();
  const more = await strip.locator('.crisis-more > summary').boundingBox();
  expect(Math.abs(call.y + call.height / 2 - (more.y + more.height / 2)), 'one row').toBeLessThan(8);
  expect(box.height, 'one line').toBeLessThanOrEqual(72);
  await expect(strip.locator('a[href="tel:3114"]:visible')).toHaveCount(1);
  await expect(strip.locator('a[href="tel:15"]:visible')).toHaveCount(0);
  await strip.locator('.crisis-more > summary').click();
  for (const number of ['tel:15', 'tel:112', 'sms:114']) {
    await expect(strip.locator(`a[href="${number}"]:visible`)).toHaveCount(1);
  }
  // On a laptop every number is in view at once.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(COUNCIL);
  for (const number of ['tel:3114', 'tel:15', 'tel:112', 'sms:114']) {
    await expect(page.locator(`aside.crisis a[href="${number}"]:visible`)).toHaveCount(1);
  }
});

test('results tables never break a word inside itself, from 320 px up', async ({ page }) => {
  test.setTimeout(budget(90_000));
  await page.goto(`${COUNCIL}/votes`);
  const closedVote = await page.locator('.card h2 a', { hasText: "Consultation d'automne" }).getAttribute('href');
  for (const path of [`${closedVote}/resultats`, `${COUNCIL}/questionnaires/2/resultats`, `${COUNCIL}/constats/11`]) {
    for (const width of [320, 390, 768, 1024, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(path);
      // A word whose letters sit on two lines has more than one box.
      const broken = await page.evaluate(() => {
        const found = [];
        for (const cell of document.querySelectorAll('main table th, main table td')) {
          const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            // A line may break after a hyphen ("médico-/social"), never inside a word.
            const re = /[^\s\-‐]+/g;
            let m;
            while ((m = re.exec(node.textContent))) {
              const range = document.createRange();
              range.setStart(node, m.index);
              range.setEnd(node, m.index + m[0].length);
              const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
              if (lines.size > 1) found.push(m[0]);
            }
          }
        }
        return found;
      });
      expect(broken, `${path} at ${width} px`).toEqual([]);
      const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(pageWidth, `${path} scrolls sideways at ${width} px`).toBeLessThanOrEqual(width);
    }
  }
});
