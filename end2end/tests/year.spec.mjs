// A council's year on the demo: the autumn vote is closed and its priorities adopted; a
// coordinator writes three actions with their news, holds an assembly counted at the door,
// then completes the annual report by keyboard. Every figure the report shows equals what
// the database holds (counted here with SQL); no college under the minimum is shown. The
// report and its editor in the four modes, three sizes, printed, and without JavaScript.
import { execFileSync } from 'node:child_process';
import { budget, expect, test } from './fixtures.mjs';
import { MODES, expectNoAxeViolations, setPreferences, tabTo } from './helpers.mjs';
import { signUp } from './staff-helpers.mjs';

const COUNCIL = '/clsm-val-de-lisandre';
const YEAR = String(new Date().getUTCFullYear());
const REPORT = `${COUNCIL}/bilan/${YEAR}`;

/** One number from the test server's database. */
function sql(query) {
  const out = execFileSync('sqlite3', ['end2end/.data/agora.db', query]).toString().trim();
  return Number(out || 0);
}

const council = "(SELECT id FROM council WHERE slug = 'clsm-val-de-lisandre')";
const yearOf = (column) => `substr(${column}, 1, 4) = '${YEAR}'`;
const yearAssemblies = `SELECT id FROM assembly WHERE council_id = ${council} AND body_id IS NULL AND published_at IS NOT NULL AND ${yearOf('starts_at')}`;
const yearVotes = `SELECT id FROM vote WHERE council_id = ${council} AND ${yearOf('closes_at')} AND (state = 'closed' OR closes_at <= strftime('%Y-%m-%dT%H:%M:%S', 'now'))`;
const runningActions = `FROM action WHERE council_id = ${council} AND substr(starts_on, 1, 4) <= '${YEAR}' AND (ends_on IS NULL OR substr(ends_on, 1, 4) >= '${YEAR}')`;

/** What the database holds for the year, counted without the report's code. */
function databaseFigures() {
  return {
    'Assemblées tenues': sql(`SELECT count(*) FROM (${yearAssemblies})`),
    'Votes clos': sql(`SELECT count(*) FROM (${yearVotes})`),
    'Questionnaires ouverts': sql(`SELECT count(*) FROM survey WHERE council_id = ${council} AND state <> 'draft' AND ${yearOf('created_at')}`),
    'Témoignages reçus': sql(`SELECT count(*) FROM testimony WHERE council_id = ${council} AND ${yearOf('posted_on')}`),
    'Priorités adoptées': sql(`SELECT count(*) FROM priority WHERE vote_id IN (SELECT id FROM vote WHERE council_id = ${council}) AND ${yearOf('decided_on')}`),
    'Actions prévues': sql(`SELECT count(*) ${runningActions} AND status = 'planned'`),
    'Actions en cours': sql(`SELECT count(*) ${runningActions} AND status = 'under-way'`),
    'Actions terminées': sql(`SELECT count(*) ${runningActions} AND status = 'done'`),
    'Actions abandonnées': sql(`SELECT count(*) ${runningActions} AND status = 'dropped'`),
    'Nouvelles données sur les actions': sql(`SELECT count(*) FROM action_update WHERE action_id IN (SELECT id ${runningActions}) AND ${yearOf('happened_on')}`),
    'Personnes présentes aux assemblées': sql(`SELECT coalesce(sum(CASE WHEN door > 0 THEN door ELSE declared END), 0) FROM (
        SELECT (SELECT coalesce(sum(count), 0) FROM attendance_count WHERE assembly_id = a.id AND source = 'door') AS door,
               (SELECT coalesce(sum(count), 0) FROM attendance_count WHERE assembly_id = a.id AND source = 'declared') AS declared
        FROM assembly a WHERE a.id IN (${yearAssemblies}) AND a.live_state = 'closed')`),
    'Questions posées en assemblée': sql(`SELECT count(*) FROM question WHERE assembly_id IN (${yearAssemblies})`),
    'Bulletins de vote': sql(`SELECT count(*) FROM ballot WHERE vote_id IN (${yearVotes})`),
    'Réponses aux questionnaires': sql(`SELECT count(*) FROM survey_response WHERE survey_id IN (SELECT id FROM survey WHERE council_id = ${council} AND state <> 'draft' AND ${yearOf('created_at')})`),
    'Témoignages': sql(`SELECT count(*) FROM testimony WHERE council_id = ${council} AND ${yearOf('posted_on')}`),
  };
}

/** What the report page shows: each activity figure, and each participation total. */
async function pageFigures(page) {
  return page.evaluate(() => {
    const figures = {};
    for (const figure of document.querySelectorAll('.report-figure')) {
      figures[figure.querySelector('dt').textContent.trim()] = Number(figure.querySelector('dd').textContent);
    }
    for (const section of document.querySelectorAll('.report-participation')) {
      const caption = section.querySelector('caption, h3').textContent.trim();
      const total = section.querySelector('tr.total td');
      figures[caption] = total ? Number(total.textContent) : 0;
    }
    return figures;
  });
}

async function writeAction(page, title, status) {
  await page.goto(`${COUNCIL}/feuille-de-route/nouvelle`);
  await page.fill('#action-title', title);
  await page.fill('#action-summary', `${title} : ce que le groupe de travail a prévu pour l'année.`);
  await page.fill('#action-summary-easy', `${title}. Le groupe de travail s'en occupe.`);
  await page.selectOption('#action-priority', { index: 1 });
  await page.fill('#action-lead', 'Groupe de travail logement');
  await page.click('form[action$="save_action"] button[type="submit"]:not([name])');
  await expect(page.locator('main [role="status"]').first()).toContainText('Action enregistrée');
  await page.fill('#update-text', 'Première réunion du groupe avec les partenaires.');
  await page.selectOption('#update-status', status);
  await page.click('form[action$="add_action_update"] button[type="submit"]');
  await expect(page.locator('main [role="status"]').first()).toContainText('Nouvelle publiée.');
}

test("a council's year: the report shows every figure the database holds", async ({ page, baseURL }) => {
  test.setTimeout(budget(180_000));
  await signUp(page, baseURL, 'Bérénice Bilan');
  const stamp = Date.now();

  // The autumn vote is closed; what it became lists the adopted priorities.
  await page.goto(`${COUNCIL}/votes`);
  const card = page.locator('li.card', { hasText: "Consultation d'automne" });
  await card.locator('a', { hasText: 'Ce que ce vote est devenu' }).click();
  const adopted = await page.locator('ol.priorities > li h3, ol.priorities > li h2').allTextContents();
  expect(adopted.length).toBeGreaterThanOrEqual(2);

  // Three actions, each with its news: one under way, one done, one dropped.
  const actions = [
    [`Logement d'abord ${stamp}`, 'under-way'],
    [`Permanence au CMP ${stamp}`, 'done'],
    [`Café des aidants ${stamp}`, 'dropped'],
  ];
  for (const [title, status] of actions) await writeAction(page, title, status);

  // An assembly of this year, counted at the door, then ended.
  await page.goto(`${COUNCIL}/assemblees`);
  await page.fill('#new-title', `Plénière de l'année ${stamp}`);
  await page.fill('#new-starts-at', `${YEAR}-12-20T18:30`);
  await page.fill('#new-place', 'Salle des fêtes');
  await page.click('form[action="/api/create_assembly"] button[type="submit"]');
  await expect(page).toHaveURL(/\/preparer$/);
  const assemblyPath = new URL(page.url()).pathname.replace(/\/preparer$/, '');
  await page.click('form[action="/api/publish_assembly"] button');
  await expect(page.locator('main [role="status"]')).toContainText('publiée');
  await page.click('form[action="/api/change_live_state"] button');
  await expect(page.locator('main [role="status"]')).toContainText('Le direct est ouvert');
  await page.goto(`${assemblyPath}/presence`);
  await page.fill('#door-habitants', '26');
  await page.fill('#door-usagers', '7');
  await page.fill('#door-aidants', '2');
  await page.click('form[action$="save_door_count"] button[type="submit"]');
  await expect(page.locator('main [role="status"]').first()).toContainText('Comptage enregistré');
  await page.goto(`${assemblyPath}/preparer`);
  await page.click('form[action="/api/change_live_state"] button');
  await expect(page.locator('main [role="status"]')).toContainText('Le direct est clos');

  // The report, from the council's home: every figure equals the database's. Other tests
  // share this server, so page and database are read again until they are read together.
  await page.goto(COUNCIL);
  await tabTo(page, `a[href="${COUNCIL}/bilan"]`, 200);
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toContainText(`Bilan annuel ${YEAR}`);
  await expect(async () => {
    await page.reload();
    const before = databaseFigures();
    const shown = await pageFigures(page);
    const after = databaseFigures();
    expect(after).toEqual(before);
    for (const [label, count] of Object.entries(before)) {
      expect(shown[label], label).toBe(count);
    }
  }).toPass({ timeout: budget(30_000) });
  const main = page.locator('main');
  for (const [title] of actions) await expect(main).toContainText(title);
  for (const title of adopted) await expect(page.locator('#priorities-title + ol')).toContainText(title.trim());
  // No college under the minimum (5) shown on a line of its own.
  const colleges = await page.locator('.report-participation tbody tr:not(.total)').evaluateAll((rows) =>
    rows.map((row) => [row.querySelector('th').textContent, Number(row.querySelector('td').textContent)]));
  for (const [name, count] of colleges) {
    if (!name.startsWith('Autres')) expect(count, name).toBeGreaterThanOrEqual(5);
  }
  await expectNoAxeViolations(page, 'annual report');

  // The coordinator completes it by keyboard: a text without its easy-read version is
  // refused beside it, then written; an indicator computed by Agora.
  await tabTo(page, `a[href="${REPORT}/modifier"]`, 80);
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toContainText(`Compléter le bilan ${YEAR}`);
  await tabTo(page, '#report-partnerships', 60);
  await page.keyboard.type('Une convention signée avec le bailleur social.');
  await tabTo(page, 'form[action$="save_report_texts"] button[type="submit"]', 20);
  await page.keyboard.press('Enter');
  await expect(page.locator('#report-partnerships-easy-error')).toContainText('Écrivez aussi la version facile à lire');
  await expect(page.locator('#report-partnerships')).toHaveValue('Une convention signée avec le bailleur social.');
  await expectNoAxeViolations(page, 'report texts refused');
  await expect(page.locator('#report-partnerships-easy')).toBeFocused();
  await page.keyboard.type('Le conseil travaille avec le bailleur.');
  await tabTo(page, 'form[action$="save_report_texts"] button[type="submit"]', 20);
  await page.keyboard.press('Enter');
  await expect(page.locator('main [role="status"]').first()).toContainText('Commentaires du bilan enregistrés.');
  const label = `Personnes venues ${stamp}`;
  await tabTo(page, '#indicator-label', 60);
  await page.keyboard.type(label);
  await tabTo(page, '#indicator-metric', 5);
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('#indicator-metric')).toHaveValue('assemblies');
  await tabTo(page, '#indicator-target', 10);
  await page.keyboard.type('3 assemblées');
  await page.keyboard.press('Enter');
  await expect(page.locator('main [role="status"]').first()).toContainText('Indicateur ajouté.');
  await page.goto(REPORT);
  await expect(page.locator('#partnerships')).toContainText('Une convention signée avec le bailleur social.');
  const line = page.locator('.report-indicators tr', { hasText: label });
  await expect(line).toContainText('Calculé par Agora');
  await expect(line).toContainText('3 assemblées');
  const shownAssemblies = (await pageFigures(page))['Assemblées tenues'];
  await expect(line.locator('td').first()).toHaveText(String(shownAssemblies));
  // The easy-read report reads the easy-read text.
  await setPreferences(page.context(), baseURL, 'lang=fr&easy=1');
  await page.reload();
  await expect(page.locator('#partnerships')).toContainText('Le conseil travaille avec le bailleur.');
  await setPreferences(page.context(), baseURL, 'lang=fr');

  // The figures as CSV: the same assemblies count.
  const csv = await (await page.request.get(`/api/annual_report_csv?slug=clsm-val-de-lisandre&year=${YEAR}`)).text();
  expect(csv).toContain(`Assemblées tenues;${shownAssemblies}`);
});

test('the report and its editor in the four modes, three sizes, printed', async ({ page, context, baseURL }) => {
  test.setTimeout(budget(120_000));
  await signUp(page, baseURL, 'Bruno Bilan');
  for (const mode of MODES) {
    await setPreferences(context, baseURL, mode.cookie);
    for (const path of [REPORT, `${REPORT}/modifier`]) {
      await page.goto(path);
      await expect(page.locator('h1')).toContainText(YEAR);
      await expectNoAxeViolations(page, `${path} (${mode.name})`);
    }
  }
  await setPreferences(context, baseURL, 'lang=fr');
  for (const [width, height] of [[390, 844], [1280, 800], [1920, 1080]]) {
    await page.setViewportSize({ width, height });
    for (const [what, path] of [['report', REPORT], ['editor', `${REPORT}/modifier`]]) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `sideways scroll on ${what} at ${width}`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `test-results/${what}-${width}.png`, fullPage: true });
    }
  }
  // Printed: no menu, no buttons; a PDF comes out.
  await page.goto(REPORT);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.report-tools')).toBeHidden();
  await expect(page.locator('.site-header')).toBeHidden();
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.length).toBeGreaterThan(1000);
  await page.emulateMedia({ media: 'screen' });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('an indicator typed with its source, a refusal first', async ({ browser, baseURL }) => {
    const setup = await browser.newContext({ baseURL, javaScriptEnabled: true });
    await signUp(await setup.newPage(), baseURL, 'Nina Sans Script');
    const context = await browser.newContext({ baseURL, javaScriptEnabled: false, storageState: await setup.storageState() });
    const page = await context.newPage();
    await page.goto(`${REPORT}/modifier`);
    const label = `Structures partenaires ${Date.now()}`;
    await page.fill('#indicator-label', label);
    await page.fill('#indicator-value', '14');
    await page.click('form[action$="add_indicator"] button[type="submit"]');
    await expect(page.locator('#indicator-source-error')).toContainText("Dites d'où vient cette valeur.");
    await expect(page.locator('#indicator-label')).toHaveValue(label);
    await page.fill('#indicator-source', 'Annuaire du CLSM');
    await page.click('form[action$="add_indicator"] button[type="submit"]');
    await expect(page.locator('main [role="status"]').first()).toContainText('Indicateur ajouté.');
    await page.goto(REPORT);
    const line = page.locator('.report-indicators tr', { hasText: label });
    await expect(line).toContainText('Annuaire du CLSM');
    // Removed again from the editor, by its own button.
    await page.goto(`${REPORT}/modifier`);
    await page.locator(`button[aria-label="Retirer l'indicateur « ${label} »"]`).click();
    await expect(page.locator('main [role="status"]').first()).toContainText('Indicateur retiré.');
    await context.close();
    await setup.close();
  });
});
