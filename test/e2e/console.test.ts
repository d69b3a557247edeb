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
    rmSync(documentsDirectory, { recursive: true, force: true });
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
    const document = join(documentsDirectory, 'handbook.md');
    writeFileSync(document, '# Staff handbook\n\nEvery employee gets 25 vacation days a year.\n');
    await page.getByLabel('Document').setInputFiles(document);
    await page.getByRole('button', { name: 'Add an example' }).click();
    await page.getByLabel('Question 1').fill(example.question);
    await page.getByLabel('Answer 1').fill(example.answer);
    await page.getByRole('button', { name: 'Create assistant' }).click();

    await page.getByRole('heading', { name: 'Handbook helper' }).waitFor();
    expect(page.url()).toMatch(/\/assistants\/[\w-]+$/);
    chatbotUrl = page.url();
    const notice = page.getByRole('status').filter({ hasText: 'Assistant created.' });
    if (server.hasRoute('POST', '/api/v1/knowledge-bases/:id/files')) {
      const source = page.locator('.source-list li').filter({ hasText: 'handbook.md' });
      await source.getByText(/Ready · \d+ passages?/).waitFor();
    } else {
      await notice.getByText('Document upload is not available on this server yet.').waitFor();
    }
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
