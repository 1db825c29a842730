// What axe-core cannot check, over every participant page, in a real browser:
// keyboard order, traps and visible focus (WCAG 2.1.1, 2.1.2, 2.4.3, 2.4.7, 2.4.11); reflow
// at 320 px and text at 200 % (1.4.10, 1.4.4); text spacing (1.4.12); reduced motion and
// forced colours; target size (2.5.8); easy-read typography, pictograms, dates in words and
// 7:1 contrast. axe itself runs in accessibility.spec.mjs and beside each journey.
import AxeBuilder from '@axe-core/playwright';
import { budget, expect, test } from './fixtures.mjs';
import { demoPaths, setPreferences, waitForHydration } from './helpers.mjs';
import { signUp } from './staff-helpers.mjs';

const COUNCIL = '/clsm-val-de-lisandre';

// The checks below add style sheets to the page (WCAG's text spacing, a motion probe); the
// app's policy forbids inline styles, as it should, so the tests step around it.
test.use({ bypassCSP: true });

/** Every page of the participant journeys, found from the demo's own links. */
async function participantPages(page) {
  const { councilPath, findingPath, assembliesPath, assemblyPath } = await demoPaths(page);
  await page.goto(`${COUNCIL}/votes`);
  const vote = await page.locator('.card h2 a', { hasText: 'Nos priorités pour 2027' }).getAttribute('href');
  const closedVote = await page.locator('.card h2 a', { hasText: "Consultation d'automne" }).getAttribute('href');
  await page.goto(COUNCIL);
  const survey = await page.locator('a[href*="/questionnaires/"]').first().getAttribute('href');
  return [
    '/', '/a-propos', '/accessibilite', '/rejoindre', councilPath, findingPath, assembliesPath,
    assemblyPath, `${assemblyPath}/direct`, `${assemblyPath}/projection`,
    `${COUNCIL}/votes`, vote, `${closedVote}/resultats`, `${closedVote}/projection`,
    `${COUNCIL}/questionnaires`, survey, `${COUNCIL}/questionnaires/2/resultats`,
    `${COUNCIL}/questionnaires/2/resultats/facile`,
    `${COUNCIL}/temoignages`, `${COUNCIL}/temoignages/nouveau`, `${COUNCIL}/temoignages/ecran`,
    `${COUNCIL}/ressources`, `${COUNCIL}/constats/11`,
  ];
}

/** The staff journeys' pages, signed in as a new coordinator of the demo council. */
async function staffPages(page, baseURL) {
  await signUp(page, baseURL, 'Camille Clavier');
  return [
    '/compte', `${COUNCIL}/equipe`, `${COUNCIL}/reglages`, `${COUNCIL}/journal`,
    `${COUNCIL}/assemblees`, `${COUNCIL}/assemblees/1/preparer`, `${COUNCIL}/assemblees/1/animation`,
    `${COUNCIL}/votes`, `${COUNCIL}/votes/1`, `${COUNCIL}/questionnaires`,
    `${COUNCIL}/questionnaires/1/modifier`, `${COUNCIL}/temoignages`,
    `${COUNCIL}/diagnostic`, `${COUNCIL}/diagnostic/nouveau`, `${COUNCIL}/diagnostic/constat/1`, `${COUNCIL}/diagnostic/constat/11`,
    `${COUNCIL}/ressources/nouvelle`, `${COUNCIL}/ressources/fiche/1`,
  ];
}

const JOURNEYS = [
  { name: 'participant', pages: (page) => participantPages(page) },
  { name: 'staff', pages: (page, baseURL) => staffPages(page, baseURL) },
];

/** Numbers every element that could take the focus, in document order, so that the walk
 * below can tell where each focused element stands. */
async function numberFocusables(page) {
  await page.evaluate(`window.label = ${label.toString()}`);
  return page.evaluate(() => {
    const all = document.querySelectorAll(
      'a[href], button, input, select, textarea, summary, [tabindex], audio[controls], video[controls]',
    );
    all.forEach((el, i) => { el.dataset.k = String(i); });
    const visible = (el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    // What a keyboard user must be able to reach: visible, enabled controls; of a radio group,
    // one radio (arrows move inside the group).
    const groups = new Set();
    return [...all].filter((el) => {
      if (!visible(el) || el.disabled || el.tabIndex < 0 || el.closest('[inert]')) return false;
      if (el.type === 'radio') {
        const key = `${el.form?.id}/${el.name}`;
        if (groups.has(key)) return false;
        groups.add(key);
      }
      if (el.closest('details:not([open])') && el.tagName !== 'SUMMARY') return false;
      return true;
    }).map((el) => `${el.type === 'radio' ? `radio:${el.name}` : el.dataset.k} ${label(el)}`);
  });
}

/** How a focus stop is named in the reports: its position and a few words of it. */
function label(el) {
  return (el.getAttribute('aria-label') || el.textContent || el.name || el.tagName).trim().slice(0, 40);
}

/** Where the focus is now, and whether it can be seen. */
function focusState() {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return { k: null };
  const style = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  const indicator = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2)
    || (style.boxShadow && style.boxShadow !== 'none');
  // Not hidden: on screen, and what is drawn at its middle is itself (or inside it). A link
  // wrapped over two lines is looked at on its first line.
  const box = el.getClientRects()[0] ?? r;
  const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(box.top + Math.min(box.height / 2, 10), 0), innerHeight - 1);
  const top = document.elementFromPoint(x, y);
  const onScreen = r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
  const unobscured = !!top && (top === el || el.contains(top) || top.contains(el) || (el.labels && [...el.labels].some((l) => l.contains(top))));
  return {
    k: el.type === 'radio' ? `radio:${el.name}` : el.dataset.k ?? `?${el.tagName}`,
    label: window.label(el),
    indicator,
    onScreen,
    unobscured,
  };
}

/** Presses `key` until the focus leaves the page or comes back where it started. */
async function walk(page, key, limit) {
  const visited = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    const state = await page.evaluate(focusState);
    if (state.k === null || (visited.length && state.k === visited[0].k)) return { visited, ended: true };
    // A date field takes one Tab per part (day, month, year…): one stop.
    if (visited.length && state.k === visited[visited.length - 1].k) continue;
    visited.push(state);
  }
  return { visited, ended: false };
}

test.describe('keyboard', () => {
  for (const journey of JOURNEYS) test(`every control is reached by Tab in document order, Shift+Tab walks back, no trap, focus seen (${journey.name} pages)`, async ({ page, context, baseURL }) => {
    test.setTimeout(budget(240_000));
    await setPreferences(context, baseURL, 'lang=fr');
    for (const path of await journey.pages(page, baseURL)) {
      await page.goto(path);
      await waitForHydration(page);
      // The live page swaps its reload link for a pause button once it follows the room.
      if (path.endsWith('/direct')) await expect(page.locator('.feed-controls button')).toBeVisible();
      const expected = await numberFocusables(page);
      const forward = await walk(page, 'Tab', expected.length + 40);
      const where = `${path}: ${forward.visited.map((s) => s.label).join(' › ')}`;
      expect(forward.ended, `no keyboard trap on ${where}`).toBe(true);
      // Document order, which is the reading order of these one-column pages.
      const positions = forward.visited.map((s) => `${s.k} ${s.label}`);
      expect(positions, `Tab order on ${path}`).toEqual(expected);
      for (const state of forward.visited) {
        expect(state.indicator, `focus indicator of "${state.label}" on ${path}`).toBe(true);
        expect(state.onScreen && state.unobscured, `"${state.label}" visible when focused on ${path}`).toBe(true);
      }
      // Backwards from past the end: the same path, reversed.
      const backward = await walk(page, 'Shift+Tab', expected.length + 40);
      expect(backward.visited.map((s) => `${s.k} ${s.label}`), `Shift+Tab order on ${path}`).toEqual([...expected].reverse());
    }
  });
});

/** Elements whose content is cut off: overflow hidden or clipped, content larger than the box.
 * The visually-hidden texts for screen readers are clipped on purpose. */
function clippedText() {
  const cut = [];
  for (const el of document.querySelectorAll('body *')) {
    // Fields scroll their own text, by design.
    if (el.closest('.visually-hidden, .skip-link, [hidden], input, textarea, select')) continue;
    const style = getComputedStyle(el);
    const hides = (v) => v === 'hidden' || v === 'clip';
    if (!hides(style.overflowX) && !hides(style.overflowY)) continue;
    if ((hides(style.overflowX) && el.scrollWidth > el.clientWidth + 1)
      || (hides(style.overflowY) && el.scrollHeight > el.clientHeight + 1)) {
      cut.push(`${el.tagName}.${el.className}`);
    }
  }
  return cut;
}

/** The page scrolls sideways: something is wider than the window. Names the widest culprits. */
function horizontalOverflow() {
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth <= width) return [];
  const over = (el) => el.getBoundingClientRect().right > width + 1;
  // The innermost elements that stick out: the ones to fix.
  return [...document.querySelectorAll('body *')]
    .filter((el) => over(el) && ![...el.children].some(over))
    .slice(0, 5)
    .map((el) => `${el.tagName}.${el.className} right=${Math.round(el.getBoundingClientRect().right)}`);
}

// WCAG 1.4.12's values, forced on everything.
const TEXT_SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
  word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }`;

test.describe('reflow and text spacing', () => {
  const cases = [
    { journey: JOURNEYS[0], mode: 'plain', cookie: 'lang=fr' },
    { journey: JOURNEYS[0], mode: 'easy-read', cookie: 'lang=fr&easy=1' },
    { journey: JOURNEYS[1], mode: 'plain', cookie: 'lang=fr' },
    // English words and sentences are of other lengths: the same pages, in English.
    { journey: JOURNEYS[0], mode: 'English', cookie: 'lang=en' },
    { journey: JOURNEYS[1], mode: 'English', cookie: 'lang=en' },
  ];
  for (const { journey, mode, cookie } of cases) {
    test(`320 px wide, text at 200 %, WCAG text spacing: nothing scrolls sideways or is cut (${journey.name} pages, ${mode})`, async ({ page, context, baseURL }) => {
      test.setTimeout(budget(240_000));
      await setPreferences(context, baseURL, cookie);
      const pages = await journey.pages(page, baseURL);
      // 400 % zoom of a 1280-px window is 320 CSS px.
      await page.setViewportSize({ width: 320, height: 640 });
      for (const path of pages) {
        await page.goto(path);
        expect(await page.evaluate(horizontalOverflow), `sideways scroll at 320 px on ${path}`).toEqual([]);
        expect(await page.evaluate(clippedText), `cut text at 320 px on ${path}`).toEqual([]);
      }
      // Text alone at 200 %, in a desktop window.
      await page.setViewportSize({ width: 1280, height: 800 });
      for (const path of pages) {
        await page.goto(path);
        await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
        expect(await page.evaluate(horizontalOverflow), `sideways scroll, text 200 %, on ${path}`).toEqual([]);
        expect(await page.evaluate(clippedText), `cut text, text 200 %, on ${path}`).toEqual([]);
      }
      // Text spacing, on a phone and on a desktop.
      for (const width of [360, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        for (const path of pages) {
          await page.goto(path);
          await page.addStyleTag({ content: TEXT_SPACING });
          expect(await page.evaluate(horizontalOverflow), `sideways scroll, text spacing, ${width} px, ${path}`).toEqual([]);
          expect(await page.evaluate(clippedText), `cut text, text spacing, ${width} px, ${path}`).toEqual([]);
        }
      }
    });
  }
});

test.describe('system settings', () => {
  for (const journey of JOURNEYS) test(`reduced motion, asked by the system or chosen in the preferences: nothing moves (${journey.name} pages)`, async ({ page, context, baseURL }) => {
    test.setTimeout(budget(120_000));
    await setPreferences(context, baseURL, 'lang=fr');
    const pages = await journey.pages(page, baseURL);
    // A probe that would move: the page's own rules must stop it, as they stop everything.
    const probe = `.motion-probe { transition: opacity 2s; animation: spin 2s infinite; }
      @keyframes spin { to { transform: rotate(1turn); } }`;
    const moving = () => {
      const el = document.createElement('p');
      el.className = 'motion-probe';
      el.textContent = 'probe';
      document.querySelector('main').append(el);
      const style = getComputedStyle(el);
      const moves = [...document.querySelectorAll('*')].filter((node) => {
        const s = getComputedStyle(node);
        return s.transitionDuration.split(',').some((d) => parseFloat(d) > 0)
          || (s.animationName !== 'none' && s.animationDuration.split(',').some((d) => parseFloat(d) > 0));
      }).map((node) => `${node.tagName}.${node.className}`);
      return { moves, scroll: getComputedStyle(document.documentElement).scrollBehavior, probe: style.animationName };
    };
    // Without any setting the probe moves: the check below can see motion.
    await page.goto(pages[0]);
    await page.addStyleTag({ content: probe });
    expect((await page.evaluate(moving)).moves).toContain('P.motion-probe');

    for (const setting of ['system', 'preference']) {
      if (setting === 'system') await page.emulateMedia({ reducedMotion: 'reduce' });
      else {
        await page.emulateMedia({ reducedMotion: 'no-preference' });
        await setPreferences(context, baseURL, 'lang=fr&motion=reduced');
      }
      for (const path of pages) {
        await page.goto(path);
        await page.addStyleTag({ content: probe });
        const state = await page.evaluate(moving);
        expect(state.moves, `motion on ${path} (${setting})`).toEqual([]);
        expect(state.scroll, `smooth scrolling on ${path} (${setting})`).not.toBe('smooth');
      }
    }
  });

  for (const journey of JOURNEYS) test(`forced colours (Windows high contrast): focus, control borders and pictograms stay visible (${journey.name} pages)`, async ({ page, context, baseURL }) => {
    test.setTimeout(budget(120_000));
    await setPreferences(context, baseURL, 'lang=fr&easy=1');
    const pages = await journey.pages(page, baseURL);
    await page.emulateMedia({ forcedColors: 'active' });
    for (const path of pages) {
      await page.goto(path);
      await waitForHydration(page);
      const state = await page.evaluate(() => {
        // Forced colours drop box shadows and backgrounds: a control needs a border of its own.
        const borderless = [...document.querySelectorAll('button, .button, input:not([type=radio]):not([type=checkbox]):not([type=hidden]), select, textarea')]
          .filter((el) => el.getBoundingClientRect().width > 0)
          .filter((el) => ['Top', 'Right', 'Bottom', 'Left'].every((side) => {
            const s = getComputedStyle(el);
            return s[`border${side}Style`] === 'none' || parseFloat(s[`border${side}Width`]) === 0;
          }))
          .map((el) => `${el.tagName}.${el.className} "${(el.textContent || el.name).trim().slice(0, 30)}"`);
        const pictos = [...document.querySelectorAll('img.picto')].filter((img) => img.getBoundingClientRect().width > 0);
        const adjusted = pictos.filter((img) => getComputedStyle(img).forcedColorAdjust !== 'none').length;
        return { borderless, pictos: pictos.length, adjusted };
      });
      expect(state.borderless, `controls without a border in forced colours on ${path}`).toEqual([]);
      expect(state.adjusted, `pictograms recoloured on ${path}`).toBe(0);
      // The focus ring is an outline, which forced colours keep (a shadow alone would vanish).
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      const outline = await page.evaluate(() => {
        const s = getComputedStyle(document.activeElement);
        return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
      });
      expect(outline, `focus outline in forced colours on ${path}`).toBe(true);
    }
  });
});

for (const journey of JOURNEYS) test(`targets are at least 24 × 24 px, except links inside a sentence (${journey.name} pages)`, async ({ page, context, baseURL }) => {
  test.setTimeout(budget(180_000));
  await setPreferences(context, baseURL, 'lang=fr');
  const journeyPages = await journey.pages(page, baseURL);
  for (const cookie of ['lang=fr', 'lang=fr&easy=1']) {
    await setPreferences(context, baseURL, cookie);
    const pages = journeyPages;
    await page.setViewportSize({ width: 360, height: 800 });
    for (const path of pages) {
      await page.goto(path);
      const small = await page.evaluate(() => [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary')]
        .filter((el) => {
          const r = el.getBoundingClientRect();
          if (r.width === 0 && r.height === 0) return false;
          if (el.closest('.visually-hidden')) return false;
          // WCAG 2.5.8's inline exception: a link in a line of text.
          if (el.tagName === 'A' && getComputedStyle(el).display === 'inline') {
            const block = el.parentElement.closest('p, li, td, dd, figcaption');
            if (block && block.textContent.trim().length > el.textContent.trim().length) return false;
          }
          // A radio or checkbox counts with its label, which is part of the target.
          if ((el.type === 'radio' || el.type === 'checkbox') && el.labels?.length) {
            const l = el.labels[0].getBoundingClientRect();
            return Math.max(l.height, r.height) < 24;
          }
          return r.width < 24 || r.height < 24;
        })
        .map((el) => { const r = el.getBoundingClientRect(); return `${el.tagName}.${el.className} "${(el.textContent || el.name || '').trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`; }));
      expect(small, `targets under 24 px on ${path} (${cookie})`).toEqual([]);
    }
  }
});

test.describe('easy-read typography', () => {
  for (const lang of ['fr', 'en']) {
    test(`large, left-aligned, airy, no italics or capitals, pictograms, dates in words, 7:1 contrast (${lang})`, async ({ page, context, baseURL }) => {
      test.setTimeout(budget(180_000));
      await setPreferences(context, baseURL, `lang=${lang}&easy=1`);
      for (const path of await participantPages(page)) {
        await page.goto(path);
        const state = await page.evaluate(() => {
          const texts = [...document.querySelectorAll('main p, main li, main dd, main td, main th, main label, main legend, main h1, main h2, main h3, main blockquote')]
            .filter((el) => el.getBoundingClientRect().width > 0 && el.textContent.trim() && !el.closest('.visually-hidden'));
          const report = (filter) => texts.filter(filter).slice(0, 5).map((el) => `${el.tagName}.${el.className} "${el.textContent.trim().slice(0, 30)}"`);
          const px = (v) => parseFloat(v);
          return {
            base: px(getComputedStyle(document.body).fontSize),
            small: report((el) => px(getComputedStyle(el).fontSize) < 16),
            notLeft: report((el) => !['left', 'start'].includes(getComputedStyle(el).textAlign)),
            italic: [...document.querySelectorAll('main *')].filter((el) => getComputedStyle(el).fontStyle !== 'normal' && el.textContent.trim()).map((el) => el.tagName),
            capitals: [...document.querySelectorAll('body *')].filter((el) => getComputedStyle(el).textTransform === 'uppercase').map((el) => el.tagName),
            tight: report((el) => {
              const s = getComputedStyle(el);
              return ['P', 'LI', 'DD', 'BLOCKQUOTE'].includes(el.tagName) && px(s.lineHeight) < 1.5 * px(s.fontSize) - 0.5;
            }),
            pictos: [...document.querySelectorAll('main img.picto, .site-nav img.picto')].filter((img) => img.getBoundingClientRect().width > 0).length,
            numericDates: (document.body.innerText.match(/\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/g) || []),
          };
        });
        expect(state.base, `base size on ${path}`).toBeGreaterThanOrEqual(16);
        expect(state.small, `text under 16 px on ${path}`).toEqual([]);
        expect(state.notLeft, `text not left-aligned on ${path}`).toEqual([]);
        expect(state.italic, `italics on ${path}`).toEqual([]);
        expect(state.capitals, `capitals for emphasis on ${path}`).toEqual([]);
        expect(state.tight, `line height under 1.5 on ${path}`).toEqual([]);
        expect(state.pictos, `pictograms beside the key words on ${path}`).toBeGreaterThan(0);
        expect(state.numericDates, `dates in figures on ${path}`).toEqual([]);
        // AAA contrast (7:1; 4.5:1 for large text), which axe checks as its "enhanced" rule.
        const contrast = await new AxeBuilder({ page }).withRules(['color-contrast-enhanced']).analyze();
        const failures = contrast.violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(' ')}: ${n.any[0]?.message}`));
        expect(failures, `contrast under 7:1 on ${path}`).toEqual([]);
      }
    });
  }
});

// The accessibility tree of the key widgets, as a screen reader meets it (the live question
// list's is in live.spec.mjs, where questions arrive). Playwright matches the nodes named
// here, in order; the ones left out are not compared.
test('accessibility tree of the ranking ballot and of a scale question', async ({ page, context, baseURL }) => {
  await setPreferences(context, baseURL, 'lang=fr');
  await page.goto(`${COUNCIL}/votes/1`);
  await waitForHydration(page);
  await expect(page.locator('ol.ranking > li')).toHaveCount(5);
  await expect(page.locator('section[aria-labelledby="ballot-title"]')).toMatchAriaSnapshot(`
    - region "Votre bulletin":
      - heading "Votre bulletin" [level=2]
      - paragraph:
        - combobox "Votre collège (facultatif)":
          - option "Je préfère ne pas le dire" [selected]
          - option "Usagers de la psychiatrie"
          - option "Habitants"
      - group "Classez les constats, le plus important en haut":
        - paragraph: Utilisez les boutons « Monter » et « Descendre ». Le numéro est la place du constat.
        - list:
          - listitem:
            - strong: Les préjugés associant troubles psychiques et dangerosité restent très répandus
            - text: /^Dans l'enquête du diagnostic/
            - button "Monter « Les préjugés associant troubles psychiques et dangerosité restent très répandus »" [disabled]
            - button "Descendre « Les préjugés associant troubles psychiques et dangerosité restent très répandus »"
          - listitem:
            - strong: Le mal-être des jeunes augmente et les adultes qui les entourent manquent de repères
            - button "Monter « Le mal-être des jeunes augmente et les adultes qui les entourent manquent de repères »"
            - button "Descendre « Le mal-être des jeunes augmente et les adultes qui les entourent manquent de repères »" [disabled]
      - paragraph:
        - button "Relire mon bulletin avant de voter"
  `);

  await page.goto(`${COUNCIL}/questionnaires/1`);
  await waitForHydration(page);
  await expect(page.locator('.scale-question').first()).toMatchAriaSnapshot(`
    - 'group "Question 5 sur 8 : Quand vous en avez parlé, vous êtes-vous senti écouté ? (obligatoire)"':
      - 'button "Écouter : Question 5 sur 8"'
      - radio "1 — pas du tout"
      - radio "2 — un peu"
      - radio "3 — moyennement"
      - radio "4 — beaucoup"
      - radio "5 — tout à fait"
  `);
});

// A plain form is answered by a new page: a screen reader reads that page from the top and
// does not announce what a live region held when it loaded. The confirmation or the refused
// field therefore takes the focus (`autofocus`), with or without JavaScript.
test.describe('what a page comes back to say is read first', () => {
  for (const javaScriptEnabled of [false, true]) {
    test(`confirmations and refused fields take the focus (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({ browser, baseURL }) => {
      // Staff sign in with a passkey, which needs JavaScript; the session then moves over.
      const setup = await browser.newContext({ baseURL });
      await signUp(await setup.newPage(), baseURL, `Dominique ${javaScriptEnabled ? 'Script' : 'Formulaire'}`);
      const context = await browser.newContext({ baseURL, javaScriptEnabled, storageState: await setup.storageState() });
      await setup.close();
      const page = await context.newPage();
      const focusedStatus = page.locator('main [role="status"]:focus');

      // Staff: a refused field, then a confirmation.
      await page.goto(`${COUNCIL}/assemblees`);
      await page.fill('#new-title', '   ');
      await page.fill('#new-starts-at', '2027-11-18T18:30');
      await page.fill('#new-place', 'Salle des fêtes');
      await page.click('form[action="/api/create_assembly"] button[type="submit"]');
      await expect(page.locator('#new-title')).toBeFocused();
      await expect(page.locator('#new-title')).toHaveAccessibleDescription(/Ce champ est obligatoire/);
      await page.fill('#new-title', `Plénière lue d'abord ${javaScriptEnabled}`);
      await page.click('form[action="/api/create_assembly"] button[type="submit"]');
      await expect(page).toHaveURL(/\/preparer$/);
      await page.click('form[action="/api/publish_assembly"] button');
      await expect(focusedStatus).toContainText('publiée');
      await page.click('form[action="/api/change_live_state"] button');
      await expect(focusedStatus).toContainText('Le direct est ouvert');
      const livePath = new URL(page.url()).pathname.replace(/\/preparer$/, '/direct');
      await context.close();

      // A participant, with no account.
      const participantContext = await browser.newContext({ baseURL, javaScriptEnabled });
      const participant = await participantContext.newPage();
      await participant.goto(livePath);
      await participant.fill('#ask-body', '   ');
      await participant.click('form[action="/api/ask_question"] button[type="submit"]');
      await expect(participant.locator('#ask-body')).toBeFocused();
      await expect(participant.locator('#ask-body')).toHaveAccessibleDescription(/Écrivez votre question\./);
      await participant.fill('#ask-body', 'Où trouver de l’aide le week-end ?');
      await participant.click('form[action="/api/ask_question"] button[type="submit"]');
      await expect(participant.locator('main [role="status"]:focus')).toContainText('Merci');
      await participantContext.close();
    });
  }
});
