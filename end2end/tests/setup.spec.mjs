// A real council starts on Agora from an empty instance, with passkeys only and no demo:
// an operator (invited on the command line, as a host does) creates the council and
// invites its coordinator; the coordinator writes the council's profile, imports the
// diagnosis from a spreadsheet, publishes it, opens a vote on it; a resident votes; the
// coordinator closes the vote and everyone sees the result.
import { budget, test, expect } from './fixtures.mjs';
import { expectNoAxeViolations, tabTo } from './helpers.mjs';
import { operatorLink, signUpFrom } from './staff-helpers.mjs';

const EMPTY = `http://localhost:${Number(process.env.E2E_AGORA_PORT || '3100') + 1}`;

const SPREADSHEET = [
  'objectif;titre;résumé;résumé facile;type de source;année',
  "care;Six mois d'attente au CMP;Les délais pour un premier rendez-vous dépassent six mois.;Il faut attendre 6 mois pour voir un psychiatre.;quantitatif;2025",
  'stigma;Des préjugés tenaces;Quatre habitants sur dix associent troubles psychiques et violence.;Beaucoup de gens ont peur des personnes malades.;quantitatif;2025',
  "inclusion;Trop peu de logements accompagnés;Dix-huit mois d'attente pour une place en résidence accueil.;Il manque des logements avec de l'aide.;qualitatif;2024",
].join('\n');

test('from an empty instance, with passkeys only: host a council, set it up, import and publish its diagnosis, vote on it', async ({ browser }) => {
  test.setTimeout(budget(180_000));
  const operatorContext = await browser.newContext({ baseURL: EMPTY });
  const operator = await operatorContext.newPage();
  await operator.goto('/');
  await expect(operator.locator('main')).toContainText('agora invite --operator');

  // The operator signs up and hosts the council.
  await signUpFrom(operator, operatorLink(EMPTY, 'end2end/.data-empty/agora.db'), 'Olga Hébergeuse');
  await operator.goto('/exploitation');
  await expect(operator.locator('h1')).toContainText('Les conseils hébergés');
  await expectNoAxeViolations(operator, 'hosting page, empty');
  await tabTo(operator, '#new-council-slug', 60);
  await operator.keyboard.type('clsm-rive');
  await operator.keyboard.press('Tab');
  await operator.keyboard.type('Conseil local de santé mentale de la Rive');
  await operator.keyboard.press('Tab');
  await operator.keyboard.type('Rive-Haute et Rive-Basse');
  await operator.keyboard.press('Enter');
  await expect(operator.locator('main [role="status"]').first()).toContainText('Conseil créé');
  await operator.locator('#council-clsm-rive button[value="invite"]').click();
  const link = (await operator.locator('.invitation-link code').textContent()).trim();
  expect(link).toContain('/invitation/');
  await expectNoAxeViolations(operator, 'hosting page, one council, link shown');

  // The coordinator signs up from that link, on their own device.
  const coordinatorContext = await browser.newContext({ baseURL: EMPTY });
  const page = await coordinatorContext.newPage();
  await signUpFrom(page, link, 'Anne Martin');
  await expect(page.locator('main')).toContainText('Conseil local de santé mentale de la Rive');

  // The council's profile.
  await page.goto('/clsm-rive/reglages');
  await page.fill('#profile-description', 'Le conseil local de santé mentale de la Rive réunit élus, soignants, usagers, aidants et habitants.');
  await page.fill('#profile-description-easy', 'Le conseil réunit des élus, des soignants et des habitants.');
  await page.fill('#profile-chair', 'Mme la maire de Rive-Haute');
  await page.locator('form[action="/api/save_council_profile"] button[type="submit"]').first().click();
  await expect(page.locator('main [role="status"]').first()).toBeVisible();

  // The diagnosis, from a spreadsheet: previewed, imported as drafts, published.
  await page.goto('/clsm-rive/diagnostic');
  await expect(page.locator('main')).toContainText('Aucun constat pour');
  await expectNoAxeViolations(page, 'diagnosis editor, empty');
  await page.setInputFiles('#import-file', {
    name: 'diagnostic.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(SPREADSHEET, 'utf8'),
  });
  await page.locator('form[action="/api/upload_findings"] button[type="submit"]').click();
  await expect(page.locator('#import-preview')).toContainText('3 constats prêts à importer');
  await expect(page.locator('#import-preview .import-list li')).toHaveCount(3);
  await expectNoAxeViolations(page, 'diagnosis editor, preview');
  await page.locator('button[value="import"]').click();
  await expect(page.locator('main [role="status"]').first()).toContainText('Constats importés en brouillons');
  await expect(page.locator('.diagnosis-finding')).toHaveCount(3);
  await expect(page.locator('.tag-draft')).toHaveCount(3);
  // Drafts are not public yet.
  const visitorContext = await browser.newContext({ baseURL: EMPTY });
  const visitor = await visitorContext.newPage();
  await visitor.goto('/clsm-rive');
  await expect(visitor.locator('main')).not.toContainText("Six mois d'attente au CMP");
  await page.locator('form:has(input[value="publish-all"]) button').click();
  await expect(page.locator('.tag-draft')).toHaveCount(0);
  await visitor.goto('/clsm-rive');
  await expect(visitor.locator('.finding h4')).toHaveCount(3);
  await expect(visitor.locator('main')).toContainText('Mme la maire de Rive-Haute');

  // A vote on the published findings, opened.
  await page.goto('/clsm-rive/votes');
  await page.fill('#vote-title', 'Nos priorités pour la Rive');
  await page.check('#vote-method-approval-choice');
  await page.fill('#vote-opens-at', '2020-01-01T09:00');
  await page.fill('#vote-closes-at', '2099-01-01T09:00');
  await page.locator('form[action="/api/create_vote"] button[type="submit"]').click();
  await expect(page.locator('main [role="status"]')).toContainText('Le vote est créé');
  const votePath = new URL(page.url()).pathname;
  await page.locator('form[action="/api/run_vote"] button').click();
  await expect(page.locator('main [role="status"]')).toContainText('Le vote est ouvert');

  // A resident votes for the first finding.
  await visitor.goto(votePath);
  await visitor.check('#ballot-approved-1');
  await visitor.locator('button[value="review"]').click();
  await visitor.locator('form[action="/api/cast_ballot"] button').click();
  await expect(visitor.locator('.receipt')).toContainText('A voté');

  // Closed: the result is there for everyone.
  await page.goto(votePath);
  await page.locator('input[value="close"] + button').click();
  await expect(page.locator('main [role="status"]')).toContainText('Le vote est clos');
  await visitor.goto(`${votePath}/resultats`);
  await expect(visitor.locator('.lead')).toHaveText('Un bulletin');
  await expect(visitor.locator('table.standing').first().locator('tbody tr').first()).toContainText('1 point');
  await expect(visitor.locator('table.standing').first()).toContainText("Six mois d'attente au CMP");
  await expectNoAxeViolations(visitor, 'results of the new council');
  await Promise.all([operatorContext.close(), coordinatorContext.close(), visitorContext.close()]);
});
