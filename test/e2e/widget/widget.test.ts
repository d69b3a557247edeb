import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { launchBrowser, type TestBrowser } from '../browser.js';
import { startConsoleServer, type ConsoleServer } from '../console-server.js';
import { saveScreenshot } from '../screenshots.js';
import { startHostSite } from './host-site.js';

const question = 'How long do I have to return an item?';
/** The shop's returns policy, uploaded as a Markdown file: the widget's grounded answer cites it. */
const returnsPolicy = {
  name: 'returns-policy.md',
  text: [
    '# Northwind returns policy',
    '',
    '## Return shipping',
    '',
    'Return shipping is free: print the prepaid label from your order page and drop the parcel at any post office.',
    '',
    '## Refunds',
    '',
    'Refunds reach your original payment method within 5 business days of the parcel arriving at our warehouse.',
    '',
  ].join('\n'),
};
const groundedQuestion = 'How quickly will my refund arrive?';
const groundedAnswer = 'Refunds reach your original payment method within 5 business days';
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

/** The page's DOM, typed without the DOM library this Node-side file does not load. */
interface ScrollBox {
  scrollTop: number;
  scrollHeight: number;
  clientHeight: number;
  getBoundingClientRect(): { top: number; bottom: number };
}

/**
 * Delays the widget API's answers to the requests `matches` picks: each request goes to the real
 * server at once (`route.fetch()`), but its response reaches the page only once `release()` is
 * called, artificial latency that forces the widget's loading races. `requested` resolves when the
 * first such request is made; `delivered()` once every held response has reached the page.
 */
async function holdResponses(target: Page, matches: (url: URL) => boolean) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let seen!: () => void;
  const requested = new Promise<void>((resolve) => (seen = resolve));
  const held: Promise<unknown>[] = [];
  await target.route(
    (url) => url.pathname.startsWith('/api/widget/v1/') && matches(url),
    async (route) => {
      if (route.request().method() === 'OPTIONS') return route.continue();
      seen();
      const delivery = (async () => {
        // The browser's headers, and the Sec-Fetch-Site it sends but interception does not pass on:
        // the full-page chat's same-origin requests carry no Origin, so the server goes by that.
        const headers = await route.request().allHeaders();
        const sameOrigin = new URL(route.request().url()).origin === new URL(target.url()).origin;
        const response = await route.fetch({ headers: { ...headers, ...(sameOrigin && { 'sec-fetch-site': 'same-origin' }) } });
        await released;
        await route.fulfill({ response });
      })();
      held.push(delivery);
      await delivery;
    },
  );
  return {
    requested,
    release,
    /** Resolves once the held responses have arrived and the page has had a moment to handle them. */
    async delivered(): Promise<void> {
      await Promise.all(held);
      await target.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
    },
  };
}

const isConfig = (url: URL) => url.pathname === '/api/widget/v1/config';
const isHistory = (url: URL) => /^\/api\/widget\/v1\/conversations\/[^/]+\/messages$/.test(url.pathname);
const isSend = (url: URL) => url.pathname === '/api/widget/v1/messages';

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
  /**
   * Resolves once the widget has loaded its configuration, i.e. its header names the assistant.
   * The launcher and the inline panel show (with fallback looks) before that; a panel opened
   * earlier shows a loading state and a question asked earlier waits (see the tests below).
   */
  const configured = (target: Page = page) =>
    expect.poll(() => widget(target).locator('#docent-title').textContent(), { timeout: 10_000 }).toBe(assistant.name);
  /** The answers shown in the widget that mention the return period the example gives. */
  const returnPeriodAnswers = (target: Page = page) => widget(target).locator('.message.assistant', { hasText: '30 days to return' });
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
    await attachDocument(chatbot.body.data.chatbot.id as string, returnsPolicy);
    site = await startHostSite(() => ({ scriptUrl: `${server.origin}/widget.js`, widgetKey }));
    const key = await testApp.request('POST', `/api/v1/chatbots/${chatbot.body.data.chatbot.id}/widget-keys`, {
      token: owner,
      body: { allowedOrigins: [siteUrl('')] },
    });
    ({ key: widgetKey, id: widgetKeyId } = key.body.data.widgetKey);
    page = await browser.context.newPage();
    page.setDefaultTimeout(10_000);
  });

  /** Gives the assistant a knowledge base holding the document, uploaded over HTTP like the console does, once it is searchable. */
  async function attachDocument(chatbotId: string, document: { name: string; text: string }): Promise<void> {
    const { testApp } = server;
    const knowledgeBase = await testApp.request('POST', `/api/v1/chatbots/${chatbotId}/knowledge-bases`, {
      token: owner,
      body: { name: 'Northwind policies' },
    });
    expect(knowledgeBase.status, knowledgeBase.text).toBe(201);
    const form = new FormData();
    form.append('file', new Blob([document.text], { type: 'text/markdown' }), document.name);
    const uploaded = await fetch(`${server.origin}/api/v1/knowledge-bases/${knowledgeBase.body.data.knowledgeBase.id}/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${owner}` },
      body: form,
    });
    const upload = (await uploaded.json()) as { data: { file: { taskId: string } } };
    expect(uploaded.status, JSON.stringify(upload)).toBe(201);
    await vi.waitFor(
      async () => {
        const task = await testApp.request('GET', `/api/v1/tasks/${upload.data.file.taskId}`, { token: owner });
        expect(task.body.data.task.status).toBe('SUCCESS');
      },
      { timeout: 30_000, interval: 50 },
    );
  }

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await server?.close();
  });

  test('adds a launcher to a site on another origin', async () => {
    await page.goto(siteUrl());
    await configured();
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
    await configured();
    await launcher().click();
    await widget().locator('.message.user', { hasText: question }).waitFor();
    await widget().locator('.message.assistant', { hasText: '30 days to return' }).waitFor();
  });

  test('keeps working and looking right under hostile page CSS, and does not restyle the page', async () => {
    const hostile = await browser.context.newPage();
    hostile.setDefaultTimeout(10_000);
    await hostile.goto(siteUrl('/hostile'));
    await expect.poll(() => launcher(hostile).isVisible()).toBe(true);
    expect(await computed(launcher(hostile), 'background-color')).toBe('rgb(37, 99, 235)');
    expect(await computed(launcher(hostile), 'font-size')).toBe('15px');
    expect(await computed(launcher(hostile), 'position')).toBe('fixed');
    expect(await computed(widget(hostile), 'opacity')).toBe('1');
    // The page's own button keeps the page's style: the widget's .launcher rule does not leak out.
    expect(await computed(hostile.locator('#host-button'), 'background-color')).toBe('rgb(255, 0, 0)');

    await configured(hostile);
    await launcher(hostile).click();
    // Same site, same browser: the visitor's earlier conversation is there too. Ask once it is
    // shown, then wait for a second answer.
    await returnPeriodAnswers(hostile).first().waitFor();
    await input(hostile).fill(question);
    await input(hostile).press('Enter');
    await returnPeriodAnswers(hostile).nth(1).waitFor();
    expect(await returnPeriodAnswers(hostile).count()).toBe(2);
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

  test('answers from the knowledge base, streamed, and shows the cited document under the answer', async () => {
    const cited = await browser.context.newPage();
    cited.setDefaultTimeout(10_000);
    await cited.goto(siteUrl());
    await configured(cited);
    await launcher(cited).click();
    // A fresh conversation, so the answer is not lost among the earlier ones.
    await returnPeriodAnswers(cited).first().waitFor();
    await widget(cited).getByRole('button', { name: 'Start a new conversation' }).click();
    await widget(cited).getByRole('group', { name: 'Suggested questions' }).waitFor();
    const streamed = cited.waitForResponse((response) => response.url().includes('/api/widget/v1/messages'));
    await input(cited).fill(groundedQuestion);
    await input(cited).press('Enter');
    expect((await streamed).headers()['content-type']).toContain('text/event-stream');

    const answer = widget(cited).locator('.message.assistant', { hasText: groundedAnswer });
    await answer.waitFor();
    // The answer's [1] marker is rendered as a numbered chip pointing at the first source.
    await answer.getByLabel('source 1').waitFor();
    const source = answer.locator('.sources .source');
    await source.waitFor();
    expect(await source.count()).toBe(1);
    expect(await source.innerText()).toMatch(
      /^1\s*returns-policy\.md\s*·\s*Northwind returns policy > Refunds\s*Refunds reach your original payment method within 5 business days of the parcel arriving at our warehouse\.$/,
    );
    await expect.poll(() => widget(cited).locator('[aria-live="polite"]').textContent()).toContain(groundedAnswer);
    await cited.mouse.move(0, 0);
    await saveScreenshot(cited, 'widget-open');

    // The stored answer keeps its source: a reload shows the citation again.
    // (The panel was open, so it opens again by itself in this tab.)
    await cited.reload();
    await widget(cited).locator('.message.assistant', { hasText: groundedAnswer }).locator('.sources .source-title').getByText(returnsPolicy.name).waitFor();
    await cited.close();
  });

  test('serves a full-page chat at a shareable URL under a strict content security policy', async () => {
    const hosted = await browser.context.newPage();
    const violations: string[] = [];
    hosted.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await hosted.goto(`${server.origin}/chat/${widgetKey}`);
    await configured(hosted);
    await panel(hosted).waitFor();
    await input(hosted).fill(question);
    await input(hosted).press('Enter');
    await widget(hosted).locator('.message.assistant', { hasText: '30 days to return' }).waitFor();
    expect(violations).toEqual([]);
    await hosted.close();
  });

  describe('while its configuration and history are still on their way', () => {
    const messages = (target: Page) => widget(target).getByRole('region', { name: 'Conversation' });
    const userMessages = (target: Page) => widget(target).locator('.message.user');
    /** Opens a fresh tab of the storefront whose visitor's current conversation is one known question. */
    async function visitorWithConversation(): Promise<Page> {
      const setup = await browser.context.newPage();
      setup.setDefaultTimeout(10_000);
      await setup.goto(siteUrl());
      await configured(setup);
      await launcher(setup).click();
      await widget(setup).getByText(assistant.greeting).waitFor();
      await widget(setup).getByRole('button', { name: 'Start a new conversation' }).click();
      await widget(setup).getByRole('group', { name: 'Suggested questions' }).getByRole('button', { name: question }).click();
      await returnPeriodAnswers(setup).waitFor();
      await expect.poll(() => widget(setup).locator('[aria-live="polite"]').textContent()).toContain('30 days to return');
      await setup.close();
      const fresh = await browser.context.newPage();
      fresh.setDefaultTimeout(10_000);
      return fresh;
    }

    test('opening early shows a loading state, then the greeting and the earlier conversation; a question asked meanwhile is answered', async () => {
      const early = await visitorWithConversation();
      const config = await holdResponses(early, isConfig);
      await early.goto(siteUrl());
      await config.requested;
      await launcher(early).click();
      await panel(early).waitFor();
      await widget(early).getByRole('status').getByText('Loading').waitFor();
      expect(await messages(early).getAttribute('aria-busy')).toBe('true');

      await input(early).fill(groundedQuestion);
      await input(early).press('Enter');
      // Not dropped: the question shows at once, waiting for the answer, and the box is emptied.
      await userMessages(early).filter({ hasText: groundedQuestion }).waitFor();
      expect(await input(early).inputValue()).toBe('');

      config.release();
      await configured(early);
      await widget(early).getByText(assistant.greeting).waitFor();
      // The earlier conversation comes back, above the question asked meanwhile, which is answered.
      await userMessages(early).filter({ hasText: question }).waitFor();
      await widget(early).locator('.message.assistant', { hasText: groundedAnswer }).waitFor();
      expect(await userMessages(early).allInnerTexts()).toEqual([question, groundedQuestion]);
      expect(await messages(early).getAttribute('aria-busy')).toBe('false');
      expect(await widget(early).getByRole('status').count()).toBe(0);
      await early.close();
    });

    test('the full-page chat shows a loading state and answers a question asked before its configuration arrived', async () => {
      const hosted = await browser.context.newPage();
      hosted.setDefaultTimeout(10_000);
      const config = await holdResponses(hosted, isConfig);
      await hosted.goto(`${server.origin}/chat/${widgetKey}`);
      await config.requested;
      await panel(hosted).waitFor();
      await widget(hosted).getByRole('status').getByText('Loading').waitFor();
      expect(await messages(hosted).getAttribute('aria-busy')).toBe('true');
      await input(hosted).fill(question);
      await input(hosted).press('Enter');
      await userMessages(hosted).filter({ hasText: question }).last().waitFor();

      config.release();
      await configured(hosted);
      await widget(hosted).getByText(assistant.greeting).waitFor();
      await expect.poll(() => widget(hosted).locator('[aria-live="polite"]').textContent()).toContain('30 days to return');
      expect(await userMessages(hosted).last().innerText()).toBe(question);
      expect(await returnPeriodAnswers(hosted).last().isVisible()).toBe(true);
      await hosted.close();
    });

    test('a new conversation started before the history arrives stays current', async () => {
      const restarted = await visitorWithConversation();
      const history = await holdResponses(restarted, isHistory);
      await restarted.goto(siteUrl());
      await configured(restarted);
      await launcher(restarted).click();
      await history.requested;
      expect(await messages(restarted).getAttribute('aria-busy')).toBe('true');
      await widget(restarted).getByRole('button', { name: 'Start a new conversation' }).click();
      await widget(restarted).getByRole('group', { name: 'Suggested questions' }).waitFor();

      history.release();
      await history.delivered();
      expect(await widget(restarted).getByRole('group', { name: 'Suggested questions' }).isVisible()).toBe(true);
      expect(await userMessages(restarted).count()).toBe(0);

      // And the next question starts that new conversation: the old one does not come back.
      await input(restarted).fill(groundedQuestion);
      await input(restarted).press('Enter');
      await widget(restarted).locator('.message.assistant', { hasText: groundedAnswer }).waitFor();
      expect(await userMessages(restarted).allInnerTexts()).toEqual([groundedQuestion]);
      await restarted.reload();
      await widget(restarted).locator('.message.assistant', { hasText: groundedAnswer }).waitFor();
      expect(await userMessages(restarted).allInnerTexts()).toEqual([groundedQuestion]);
      await restarted.close();
    });

    test('a question sent before the history arrives is kept, after the earlier conversation, and answered', async () => {
      const asked = await visitorWithConversation();
      const history = await holdResponses(asked, isHistory);
      await asked.goto(siteUrl());
      await configured(asked);
      await launcher(asked).click();
      await history.requested;
      await input(asked).fill(groundedQuestion);
      await input(asked).press('Enter');
      await userMessages(asked).filter({ hasText: groundedQuestion }).waitFor();

      history.release();
      await history.delivered();
      await widget(asked).locator('.message.assistant', { hasText: groundedAnswer }).waitFor();
      expect(await userMessages(asked).allInnerTexts()).toEqual([question, groundedQuestion]);
      // It continued the earlier conversation, as a reload shows.
      await asked.reload();
      await widget(asked).locator('.message.assistant', { hasText: groundedAnswer }).waitFor();
      expect(await userMessages(asked).allInnerTexts()).toEqual([question, groundedQuestion]);
      await asked.close();
    });
  });

  test('scrolls to the end of each answer and its sources, but leaves a visitor who scrolled up where they are', async () => {
    const long = await browser.context.newPage();
    long.setDefaultTimeout(10_000);
    await long.goto(siteUrl());
    await configured(long);
    await launcher(long).click();
    await widget(long).getByText(assistant.greeting).waitFor();
    await widget(long).getByRole('button', { name: 'Start a new conversation' }).click();
    const list = widget(long).getByRole('region', { name: 'Conversation' });
    const answers = widget(long).locator('.message.assistant', { hasText: groundedAnswer });
    /** How far the conversation is from being scrolled to its very end, in px. */
    const distanceFromEnd = () => list.evaluate((element) => {
      const box = element as unknown as ScrollBox;
      return box.scrollHeight - box.clientHeight - box.scrollTop;
    });
    for (let asked = 1; asked <= 4; asked++) {
      await input(long).fill(groundedQuestion);
      await input(long).press('Enter');
      await answers.nth(asked - 1).locator('.sources .source').waitFor();
      await expect.poll(() => widget(long).locator('.send').isDisabled()).toBe(false);
      // The whole of the last answer, down to its sources, is in view.
      await expect.poll(distanceFromEnd).toBeLessThanOrEqual(1);
      const [listBox, sourcesBox] = await Promise.all([list.boundingBox(), answers.last().locator('.sources').boundingBox()]);
      expect((sourcesBox?.y ?? 0) + (sourcesBox?.height ?? 0)).toBeLessThanOrEqual((listBox?.y ?? 0) + (listBox?.height ?? 0));
    }
    expect(await list.evaluate((element) => (element as unknown as ScrollBox).scrollHeight > (element as unknown as ScrollBox).clientHeight * 1.5)).toBe(true);

    // A visitor who scrolls up to read while an answer is on its way is not pulled back down.
    const send = await holdResponses(long, isSend);
    await input(long).fill(groundedQuestion);
    await input(long).press('Enter');
    await send.requested;
    await expect.poll(distanceFromEnd).toBeLessThanOrEqual(1);
    await list.hover();
    await long.mouse.wheel(0, -400);
    const scrollTop = () => list.evaluate((element) => (element as unknown as ScrollBox).scrollTop);
    // Chromium animates wheel scrolling: read the position once it has stopped moving.
    let readingAt = -1;
    await expect
      .poll(async () => {
        const [before, after] = [await scrollTop(), await long.waitForTimeout(150).then(scrollTop)];
        readingAt = after;
        return before === after && after > 0;
      })
      .toBe(true);
    expect(await distanceFromEnd()).toBeGreaterThan(100);
    send.release();
    await answers.nth(4).locator('.sources .source').waitFor();
    await expect.poll(() => widget(long).locator('.send').isDisabled()).toBe(false);
    expect(await list.evaluate((element) => (element as unknown as ScrollBox).scrollTop)).toBe(readingAt);
    await long.close();
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
