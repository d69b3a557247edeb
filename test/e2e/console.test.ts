import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, type TestBrowser } from './browser.js';
import { startConsoleServer, type ConsoleServer } from './console-server.js';
import { saveScreenshot } from './screenshots.js';

const owner = { username: 'grace', password: 'grace-password' };
const example = {
  question: 'How many vacation days do I get?',
  answer: 'Every employee gets 25 vacation days a year.',
};
const instruction = 'Answer questions about the staff handbook. Be brief and friendly.';
/** The document the assistant is created with; the playground's grounded answer quotes and cites it. */
const handbook = {
  name: 'handbook.md',
  text: [
    '# Staff handbook',
    '',
    'Every employee gets 25 vacation days a year.',
    '',
    '## Working from home',
    '',
    'Staff may work from home on up to two days a week, agreed with their team lead.',
    '',
  ].join('\n'),
};
const grounded = {
  question: 'Can I work from home?',
  answer: 'Staff may work from home on up to two days a week, agreed with their team lead.',
};

/**
 * The console in a real chromium against the real app: one person's path from signing in to a
 * tested assistant and an API key. The steps share one page and run in order.
 */
describe('web console', () => {
  let server: ConsoleServer;
  let browser: TestBrowser;
  let page: Page;
  let documentsDirectory: string;
  let chatbotUrl: string;
  const openTab = (name: string) => page.getByRole('navigation', { name: 'Assistant' }).getByRole('link', { name }).click();

  beforeAll(async () => {
    [server, browser] = await Promise.all([startConsoleServer(), launchBrowser()]);
    await server.testApp.signUp(owner.username, owner.password);
    page = await browser.context.newPage();
    page.setDefaultTimeout(10_000);
    documentsDirectory = mkdtempSync(join(tmpdir(), 'docent-documents-'));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (documentsDirectory) rmSync(documentsDirectory, { recursive: true, force: true });
  });

  test('signs in', async () => {
    await page.goto(`${server.origin}/`);
    await page.getByLabel('Username or email').fill(owner.username);
    await page.getByLabel('Password').fill(owner.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Assistants' }).waitFor();
    await page.getByRole('heading', { name: 'Create your first assistant' }).waitFor();
  });

  test('creates an assistant with an instruction, an example and a document on one screen', async () => {
    await page.getByRole('link', { name: 'New assistant' }).first().click();
    await page.getByLabel('Name').fill('Handbook helper');
    await page.getByLabel('Instruction').fill(instruction);
    const document = join(documentsDirectory, handbook.name);
    writeFileSync(document, handbook.text);
    await page.getByLabel('Document').setInputFiles(document);
    await page.getByRole('button', { name: 'Add an example' }).click();
    await page.getByLabel('Question 1').fill(example.question);
    await page.getByLabel('Answer 1').fill(example.answer);
    await page.getByRole('button', { name: 'Create assistant' }).click();

    await page.getByRole('heading', { name: 'Handbook helper' }).waitFor();
    expect(page.url()).toMatch(/\/assistants\/[\w-]+$/);
    chatbotUrl = page.url();
    // The playground's grounded answer below needs the document searchable.
    const source = page.locator('.source-list li').filter({ hasText: handbook.name });
    await source.getByText(/Ready · \d+ passages?/).waitFor();
    expect(await page.getByLabel('Instruction').inputValue()).toBe(instruction);
    await saveScreenshot(page, 'assistant-editor');
  });

  test('answers in the playground, streamed, from the example, and takes a rating', async () => {
    await openTab('Playground');
    const streamed = page.waitForResponse((response) => response.url().endsWith('/conversation'));
    await page.getByLabel('Your question').fill(example.question);
    await page.getByLabel('Your question').press('Enter');

    expect((await streamed).headers()['content-type']).toContain('text/event-stream');
    await page.locator('.bubble-answer').getByText(example.answer).waitFor();
    const helpful = page.getByRole('button', { name: 'Helpful', exact: true });
    await helpful.click();
    await page.locator('.rating [aria-pressed="true"]').getByText('Helpful').waitFor();
  });

  test('answers in the playground from the uploaded document and cites it under the answer', async () => {
    await page.getByLabel('Your question').fill(grounded.question);
    await page.getByLabel('Your question').press('Enter');

    const turn = page.locator('.turn').filter({ has: page.locator('.bubble-question', { hasText: grounded.question }) });
    const answer = turn.locator('.bubble-answer');
    await answer.locator('.answer-text').getByText(grounded.answer).waitFor();
    await expect.poll(() => answer.locator('.answer-text').innerText()).toMatch(/agreed with their team lead\.\s*\[1\]$/);
    const sources = answer.getByRole('list', { name: 'Sources' }).getByRole('listitem');
    await sources.first().waitFor();
    expect(await sources.count()).toBe(1);
    expect(await sources.locator('.citation-title').innerText()).toBe(`${handbook.name} · Staff handbook > Working from home`);
    expect(await sources.locator('.citation-snippet').innerText()).toBe(grounded.answer);
    await answer.getByRole('button', { name: 'Helpful', exact: true }).waitFor();
    await saveScreenshot(page, 'playground');
  });

  test('shows the final prompt the assistant answers with', async () => {
    await page.getByRole('button', { name: 'Show final prompt' }).click();
    const dialog = page.getByRole('dialog', { name: 'Final prompt' });
    await dialog.getByText(instruction).waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  test('lists the playground conversation in the logs', async () => {
    await openTab('Conversations');
    await page.getByRole('button', { name: new RegExp(example.question) }).click();
    await page.locator('.logs-detail').getByText(example.answer).waitFor();
  });

  test('creates an API key, shows its secret once and lists it masked', async () => {
    await page.getByRole('link', { name: 'API keys' }).click();
    await page.getByLabel('Name').fill('Website backend');
    await page.getByRole('button', { name: 'Create key' }).click();
    const secret = (await page.locator('.secret-value').textContent()) ?? '';
    expect(secret.length).toBeGreaterThan(20);
    await page.getByRole('button', { name: 'I have stored it' }).click();

    const row = page.getByRole('row', { name: /Website backend/ });
    await row.waitFor();
    const masked = (await row.locator('code').textContent()) ?? '';
    expect(masked.endsWith('…')).toBe(true);
    expect(secret.startsWith(masked.slice(0, -1))).toBe(true);
    expect(await page.content()).not.toContain(secret);
  });

  test('fits a 390px-wide phone screen', async () => {
    const phone = await browser.context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${chatbotUrl}/playground`);
    await phone.getByLabel('Your question').waitFor();
    expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await phone.close();
  });
});
