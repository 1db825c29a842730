// An audio testimony end to end: recorded in the browser by keyboard alone (Chromium's fake
// microphone stands in for a voice), listened back, sent with the form; then heard by a
// facilitator in the moderation queue. Without JavaScript the same form takes a sound file.
import { budget, expect, test } from './fixtures.mjs';
import { expectNoAxeViolations, setPreferences, tabTo } from './helpers.mjs';
import { signUp } from './staff-helpers.mjs';
import config from '../playwright.config.mjs';

const COUNCIL = '/clsm-val-de-lisandre';
const base = config.use.launchOptions;

// Chromium's fake microphone (a beep), allowed without asking: for this file only.
test.use({
  launchOptions: {
    ...base,
    args: [...base.args, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
  },
  permissions: ['microphone'],
});

test('a message recorded by keyboard is sent with the form and heard by a facilitator', async ({ page, baseURL, context }) => {
  test.setTimeout(budget(120_000));
  await setPreferences(context, baseURL, 'lang=fr');
  await page.goto(`${COUNCIL}/temoignages/nouveau`);
  const recorder = page.locator('#testimony-recorder');
  await expect(recorder).toBeVisible();
  await expectNoAxeViolations(page, 'testimony form with the recorder');

  await tabTo(page, '#testimony-recorder [data-record="start"]', 80);
  await page.keyboard.press('Enter');
  const stop = page.locator('#testimony-recorder [data-record="stop"]');
  await expect(stop).toBeFocused();
  await expect(recorder.locator('[role="status"]')).toContainText('Enregistrement en cours');
  await page.waitForTimeout(1500);
  await page.keyboard.press('Enter');
  await expect(recorder.locator('[role="status"]')).toContainText('Message enregistré');
  await expect(recorder.locator('audio')).toBeVisible();
  await expect(recorder.locator('[data-record="start"]')).toBeFocused();
  await expect(recorder.locator('[data-record="start"]')).toHaveText("Recommencer l'enregistrement");
  const file = await page.locator('#testimony-audio').evaluate((input) => {
    const [f] = input.files;
    return f ? { name: f.name, size: f.size } : null;
  });
  expect(file?.size).toBeGreaterThan(0);
  await expectNoAxeViolations(page, 'testimony form after recording');

  await tabTo(page, '#testimony-pseudonym', 20);
  await page.keyboard.type('Voix du Val');
  await tabTo(page, 'form.testimony-form button[type="submit"]', 20);
  await page.keyboard.press('Enter');
  await expect(page.locator('.receipt')).toBeVisible();
  await expect(page.locator('main')).toContainText('Votre message audio est bien reçu');

  await signUp(page, baseURL, 'Fanny Facilite', 'facilitator+testimony');
  await page.goto(`${COUNCIL}/temoignages`);
  const card = page.locator('article[id^="temoignage-"]', { hasText: 'Voix du Val' });
  await expect(card.locator('audio')).toHaveCount(1);
  const source = await card.locator('audio').getAttribute('src');
  const response = await page.request.get(source);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^audio\//);
  expect((await response.body()).length).toBe(file.size);
  // Stored without its metadata: same length (blanked in place), Chromium's name gone.
  const heard = await response.body();
  expect(heard.includes(Buffer.from('Chrome'))).toBe(false);
  // The browser can read what it recorded, from our server, and decode every second of it.
  const seconds = await page.evaluate(async (url) => {
    const bytes = await (await fetch(url)).arrayBuffer();
    const audio = await new AudioContext().decodeAudioData(bytes);
    return audio.duration;
  }, source);
  expect(seconds).toBeGreaterThan(1);
  const readable = await card.locator('audio').evaluate((audio) => new Promise((resolve) => {
    audio.addEventListener('loadedmetadata', () => resolve(true), { once: true });
    audio.addEventListener('error', () => resolve(false), { once: true });
    audio.preload = 'metadata';
    audio.load();
  }));
  expect(readable).toBe(true);
  await expectNoAxeViolations(page, 'moderation queue with an audio message');
});

test('without JavaScript, the form takes a recording made on another device', async ({ browser, baseURL }) => {
  test.setTimeout(budget(60_000));
  // A real recording: this browser's recorder, from the fake microphone, as a phone would.
  const recorder = await browser.newContext({ baseURL, permissions: ['microphone'] });
  const recordingPage = await recorder.newPage();
  await recordingPage.goto('/');
  const { type, bytes } = await recordingPage.evaluate(async () => {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    const media = new MediaRecorder(stream, { mimeType: 'audio/webm;codecs=opus' });
    const chunks = [];
    media.ondataavailable = (e) => chunks.push(e.data);
    const stopped = new Promise((resolve) => { media.onstop = resolve; });
    media.start();
    await new Promise((resolve) => setTimeout(resolve, 1200));
    media.stop();
    await stopped;
    stream.getTracks().forEach((t) => t.stop());
    const blob = new Blob(chunks, { type: 'audio/webm' });
    return { type: blob.type, bytes: Array.from(new Uint8Array(await blob.arrayBuffer())) };
  });
  await recorder.close();

  const plain = await browser.newContext({ baseURL, javaScriptEnabled: false });
  await setPreferences(plain, baseURL, 'lang=fr&easy=1');
  const page = await plain.newPage();
  await page.goto(`${COUNCIL}/temoignages/nouveau`);
  await expect(page.locator('#testimony-recorder')).toBeHidden();
  await page.locator('#testimony-audio').setInputFiles({
    name: 'message.webm',
    mimeType: type,
    buffer: Buffer.from(bytes),
  });
  await page.locator('#testimony-pseudonym').fill('Sans script');
  await page.locator('form.testimony-form button[type="submit"]').click();
  await expect(page.locator('.receipt')).toBeVisible();
  await expect(page.locator('main')).toContainText('Nous avons votre message audio');
  expect(new URL(page.url()).pathname).toBe(`${COUNCIL}/temoignages/suivi`);
  await plain.close();
});
