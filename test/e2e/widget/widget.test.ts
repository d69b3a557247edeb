import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, type TestBrowser } from '../browser.js';
import { startConsoleServer, type ConsoleServer } from '../console-server.js';
import { saveScreenshot } from '../screenshots.js';
import { startHostSite } from './host-site.js';

const question = 'How long do I have to return an item?';
const assistant = {
  name: 'Northwind helper',
  greeting: 'Hi! I can help with orders, returns and sizing.',
  suggestedQuestions: [question, 'Do you ship abroad?'],
  examples: [{ question, answer: 'You have 30 days to return an unworn item for a full refund.' }],
};

/** The page's `getComputedStyle`, typed without the DOM library this Node-side file does not load. */
interface StyleReader {
  getComputedStyle(element: unknown): { getPropertyValue(name: string): string };
}

/** A computed CSS property of the element, read in the page. */
function computed(locator: Locator, property: string): Promise<string> {
  return locator.evaluate(
    (element, name) => (globalThis as unknown as StyleReader).getComputedStyle(element).getPropertyValue(name),
    property,
  );
}

/**
 * The widget in a real chromium, embedded in a website on another origin than Docent, against
 * the real app on loopback: chatting with streamed answers, keyboard use, isolation from hostile
 * CSS, the conversation surviving a reload, and refusal on a site the key does not allow.
 */
describe('embeddable chat widget', () => {
  let server: ConsoleServer;
  let browser: TestBrowser;
  let site: Awaited<ReturnType<typeof startHostSite>>;
  let widgetKey: string;
  let widgetKeyId: string;
  let owner: string;
  let page: Page;
  const siteUrl = (path = '/') => `http://127.0.0.1:${site.port}${path}`;
  const widget = (target: Page = page) => target.locator('docent-chat');
  const launcher = (target: Page = page) => widget(target).locator('button.launcher');
  const panel = (target: Page = page) => widget(target).getByRole('dialog');
  const input = (target: Page = page) => widget(target).getByLabel('Your message');
  /** The focused element inside the widget's shadow root, as `tag.class`. */
  const focusedInWidget = (target: Page = page) =>
    widget(target).evaluate((host) => {
      const focused = host.shadowRoot?.activeElement;
      return focused ? `${focused.tagName.toLowerCase()}.${focused.className}` : null;
    });

  beforeAll(async () => {
    [server, browser] = await Promise.all([startConsoleServer(), launchBrowser({ width: 1024, height: 720 })]);
    const { testApp } = server;
    owner = (await testApp.signUp('owner')).accessToken;
    const chatbot = await testApp.request('POST', '/api/v1/chatbots', { token: owner, body: assistant });
    site = await startHostSite(() => ({ scriptUrl: `${server.origin}/widget.js`, widgetKey }));
    const key = await testApp.request('POST', `/api/v1/chatbots/${chatbot.body.data.chatbot.id}/widget-keys`, {
      token: owner,
      body: { allowedOrigins: [siteUrl('')] },
    });
    ({ key: widgetKey, id: widgetKeyId } = key.body.data.widgetKey);
    page = await browser.context.newPage();
    page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await server?.close();
  });

  test('adds a launcher to a site on another origin', async () => {
    await page.goto(siteUrl());
    await expect.poll(() => launcher().getAttribute('aria-label')).toBe('Chat with us');
    const box = await launcher().boundingBox();
    expect(box).toMatchObject({ height: 56 });
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeCloseTo(1024 - 20, 0);
    await saveScreenshot(page, 'widget-closed');
  });

  test('opens with Enter, moves focus into the panel and offers the greeting and suggested questions', async () => {
    await launcher().focus();
    await page.keyboard.press('Enter');
    await panel().waitFor();
    expect(await focusedInWidget()).toBe('textarea.');
    await widget().getByText(assistant.greeting).waitFor();
    await widget().getByRole('group', { name: 'Suggested questions' }).getByRole('button', { name: question }).waitFor();
  });

  test('streams the answer to a question the assistant knows and announces it', async () => {
    await input().fill(question);
    await page.keyboard.press('Enter');
    await widget().locator('.message.assistant', { hasText: '30 days to return' }).waitFor();
    await expect.poll(() => widget().locator('[aria-live="polite"]').textContent()).toContain('30 days to return');
    expect(await widget().getByRole('group', { name: 'Suggested questions' }).count()).toBe(0);
    await saveScreenshot(page, 'widget-open');
  });

  test('closes with Escape and gives focus back to the launcher', async () => {
    await input().focus();
    await page.keyboard.press('Escape');
    await panel().waitFor({ state: 'hidden' });
    expect(await focusedInWidget()).toBe('button.launcher');
    expect(await launcher().getAttribute('aria-expanded')).toBe('false');
  });

  test('finds the conversation again after a reload', async () => {
    await page.reload();
    await launcher().click();
    await widget().locator('.message.user', { hasText: question }).waitFor();
    await widget().locator('.message.assistant', { hasText: '30 days to return' }).waitFor();
  });

  test('keeps working and looking right under hostile page CSS, and does not restyle the page', async () => {
    const hostile = await browser.context.newPage();
    await hostile.goto(siteUrl('/hostile'));
    await expect.poll(() => launcher(hostile).isVisible()).toBe(true);
    expect(await computed(launcher(hostile), 'background-color')).toBe('rgb(37, 99, 235)');
    expect(await computed(launcher(hostile), 'font-size')).toBe('15px');
    expect(await computed(launcher(hostile), 'position')).toBe('fixed');
    expect(await computed(widget(hostile), 'opacity')).toBe('1');
    // The page's own button keeps the page's style: the widget's .launcher rule does not leak out.
    expect(await computed(hostile.locator('#host-button'), 'background-color')).toBe('rgb(255, 0, 0)');

    await launcher(hostile).click();
    await input(hostile).fill(question);
    await input(hostile).press('Enter');
    // Same site, same browser: the visitor's earlier conversation is there too, so wait for a second answer.
    await expect.poll(() => widget(hostile).locator('.message.assistant', { hasText: '30 days to return' }).count()).toBe(2);
    expect(await computed(panel(hostile), 'display')).toBe('flex');
    await hostile.close();
  });

  test('refuses to chat on a site whose origin the key does not allow, with a friendly message', async () => {
    const other = await browser.context.newPage();
    await other.goto(`http://localhost:${site.port}/`);
    await launcher(other).click();
    await widget(other).getByRole('alert').getByText("Chat isn't available on this website right now.").waitFor();
    expect(await input(other).isDisabled()).toBe(true);
    await other.close();
  });

  test('renders inline into a page element when asked', async () => {
    const inline = await browser.context.newPage();
    await inline.goto(siteUrl('/inline'));
    await panel(inline).waitFor();
    expect(await launcher(inline).count()).toBe(0);
    const box = await panel(inline).boundingBox();
    expect(box).toMatchObject({ width: 420, height: 560 });
    await inline.close();
  });

  test('shows sources under an answer that has them', async () => {
    const cited = await browser.context.newPage();
    await cited.route('**/api/widget/v1/messages?**', (route) =>
      route.fulfill({
        status: 200,
        headers: { 'content-type': 'text/event-stream', 'access-control-allow-origin': siteUrl('') },
        body: [
          ['message-start', { conversationId: 'c1', userMessageId: 'u1', assistantMessageId: 'a1' }],
          ['text-delta', { delta: 'Returns are free within 30 days. [1]' }],
          ['source', { source: { id: 's1', title: 'Returns policy', location: 'page 2', snippet: 'Items can be returned within 30 days.' } }],
          ['finish', { messageId: 'a1', finishReason: 'stop' }],
        ]
          .map(([event, data]) => `event: ${event as string}\ndata: ${JSON.stringify(data)}\n\n`)
          .join(''),
      }),
    );
    await cited.goto(siteUrl());
    await launcher(cited).click();
    await input(cited).fill('Are returns free?');
    await input(cited).press('Enter');
    const sources = widget(cited).locator('.sources');
    await sources.waitFor();
    expect(await sources.innerText()).toMatch(/Returns policy\s*·\s*page 2\s*Items can be returned within 30 days\./);
    await cited.close();
  });

  test('serves a full-page chat at a shareable URL under a strict content security policy', async () => {
    const hosted = await browser.context.newPage();
    const violations: string[] = [];
    hosted.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await hosted.goto(`${server.origin}/chat/${widgetKey}`);
    await panel(hosted).waitFor();
    await input(hosted).fill(question);
    await input(hosted).press('Enter');
    await widget(hosted).locator('.message.assistant', { hasText: '30 days to return' }).waitFor();
    expect(violations).toEqual([]);
    await hosted.close();
  });

  test('tells visitors kindly when the key has been revoked', async () => {
    await server.testApp.request('DELETE', `/api/v1/widget-keys/${widgetKeyId}`, { token: owner });
    await page.reload();
    await launcher().click();
    await widget().getByRole('alert').getByText('This chat has been switched off.').waitFor();
  });

  test('respects reduced motion', async () => {
    const calm = await browser.context.newPage();
    await calm.emulateMedia({ reducedMotion: 'reduce' });
    await calm.goto(siteUrl());
    await launcher(calm).click();
    expect(await computed(panel(calm), 'animation-name')).toBe('none');
    await calm.close();
  });
});
