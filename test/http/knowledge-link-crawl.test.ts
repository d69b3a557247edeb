import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { backends } from '../helpers/test-database.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { htmlPage, startTestSite, type StaticResource, type TestSite } from '../crawl/fixtures/test-site.js';

interface LinkBody {
  id: string;
  url: string;
  title: string;
  status: string;
  failureReason: string | null;
  taskId: string;
  chunkCount: number;
  lastSyncedAt: string | null;
}

interface PassageBody {
  title: string;
  url?: string;
  text: string;
  position: { url?: string };
  source: { kind: string; id: string };
}

/** A page whose article carries one distinctive sentence, so a search can only match this page. */
function pageWith(title: string, sentence: string, links: readonly string[] = []): StaticResource {
  const anchors = links.map((href) => `<li><a href="${href}">${href}</a></li>`).join('');
  const body = `<!doctype html><html><head><title>${title}</title></head><body>
    <main><article><h1>${title}</h1><p>${sentence} ${'This page belongs to the test site. '.repeat(8)}</p><ul>${anchors}</ul></article></main>
    </body></html>`;
  return { body };
}

/**
 * Links crawled through the real app against a real site on 127.0.0.1 (the only private
 * address the app may reach), with the crawl's limits, the SSRF guard, and scheduled re-syncs
 * that touch only what changed.
 */
describe.each(backends)('crawled links on %s', (backend) => {
  let site: TestSite;
  let forbiddenSite: TestSite;
  let t: TestApp;
  let token: string;

  const api = (path: string) => `/api/v1/knowledge-bases${path}`;
  const createKnowledgeBase = async (body: Record<string, unknown> = {}): Promise<string> => {
    const response = await t.request('POST', api(''), { token, body: { name: 'Site', ...body } });
    expect(response.status, response.text).toBe(201);
    return response.body.data.knowledgeBase.id;
  };
  const addLink = async (knowledgeBaseId: string, url: string, grabberEnabled = true): Promise<LinkBody> => {
    const response = await t.request('POST', api(`/${knowledgeBaseId}/links`), { token, body: { url, grabberEnabled } });
    expect(response.status, response.text).toBe(201);
    return response.body.data.link;
  };
  const linksOf = async (knowledgeBaseId: string): Promise<LinkBody[]> =>
    (await t.request('GET', api(`/${knowledgeBaseId}/links`), { token })).body.data;
  const linkState = async (knowledgeBaseId: string, linkId: string): Promise<LinkBody> =>
    (await linksOf(knowledgeBaseId)).find((link) => link.id === linkId)!;
  const taskOf = async (taskId: string) => (await t.request('GET', `/api/v1/tasks/${taskId}`, { token })).body.data.task;
  /** Waits for the link's current job to end and its state to be written. */
  const settled = async (knowledgeBaseId: string, linkId: string): Promise<LinkBody> =>
    vi.waitFor(
      async () => {
        const link = await linkState(knowledgeBaseId, linkId);
        expect(['SUCCESS', 'FAILURE']).toContain(link.status);
        expect(['SUCCESS', 'FAILURE']).toContain((await taskOf(link.taskId)).status);
        return link;
      },
      { timeout: 30_000, interval: 50 },
    );
  const search = async (knowledgeBaseId: string, q: string): Promise<PassageBody[]> => {
    const response = await t.request('GET', api(`/${knowledgeBaseId}/search?q=${encodeURIComponent(q)}&method=sparse`), { token });
    expect(response.status, response.text).toBe(200);
    return response.body.data;
  };
  /** The link's chunk ids by page URL, read from the store. */
  const chunkIdsByPage = async (linkId: string): Promise<Record<string, number[]>> => {
    const pages: Record<string, number[]> = {};
    for (const chunk of await t.app.store.knowledgeChunks.listBySource('link', linkId)) {
      (pages[new URL(chunk.sourceUrl!).pathname] ??= []).push(chunk.id);
    }
    for (const ids of Object.values(pages)) ids.sort((left, right) => left - right);
    return pages;
  };
  /** Lets a knowledge base with `updateInterval: 1` reach its next re-sync. */
  const oneIntervalLater = () => new Promise((resolve) => setTimeout(resolve, 1_100));

  beforeAll(async () => {
    site = await startTestSite({});
    forbiddenSite = await startTestSite({ '/': htmlPage('Internal admin') });
    t = await createTestApp(backend, { ALLOWED_PRIVATE_HOSTS: `127.0.0.1:${site.port}` });
    token = (await t.signUp('crawler')).accessToken;
  });
  afterAll(async () => {
    await t.close();
    await site.close();
    await forbiddenSite.close();
  });

  it('crawls the site with the grabber, within the depth limit, citing each page by its own URL', async () => {
    site.resources.set('/docs/', pageWith('Docent handbook', 'Welcome to the handbook.', ['/docs/install', '/docs/deep/one']));
    site.resources.set('/docs/install', pageWith('Installing', 'Install the zephyr adapter with the quartz command.'));
    site.resources.set('/docs/deep/one', pageWith('Deep one', 'First level below.', ['/docs/deep/two']));
    site.resources.set('/docs/deep/two', pageWith('Deep two', 'Second level below.', ['/docs/deep/three']));
    site.resources.set('/docs/deep/three', pageWith('Deep three', 'The obsidian lighthouse is three links away.'));
    const knowledgeBaseId = await createKnowledgeBase();

    const link = await addLink(knowledgeBaseId, `${site.url}/docs/#intro`);
    expect(link).toMatchObject({ url: `${site.url}/docs/`, status: expect.toBeOneOf(['PENDING', 'STARTED', 'SUCCESS']) });
    const done = await settled(knowledgeBaseId, link.id);
    expect(done).toMatchObject({ status: 'SUCCESS', failureReason: null, title: 'Docent handbook' });
    expect(done.lastSyncedAt).not.toBeNull();
    expect(await taskOf(done.taskId)).toMatchObject({
      status: 'SUCCESS',
      result: { outcome: 'indexed', chunkCount: done.chunkCount, pages: { ingested: 4, unchanged: 0, removed: 0, failed: 0 } },
    });

    const [best] = await search(knowledgeBaseId, 'zephyr adapter quartz');
    expect(best).toMatchObject({ title: 'Installing', url: `${site.url}/docs/install`, source: { kind: 'link', id: link.id } });
    expect(best?.text).toContain('zephyr adapter');
    expect(best?.position.url).toBe(`${site.url}/docs/install`);

    // The default depth limit is 2 links from the start page.
    expect(site.requestCount('/docs/deep/two')).toBe(1);
    expect(site.requestCount('/docs/deep/three')).toBe(0);
    expect(await search(knowledgeBaseId, 'obsidian lighthouse')).toEqual([]);
  });

  it('stops a crawl at the page limit', async () => {
    const pages = Array.from({ length: 60 }, (_, index) => `/many/page-${index + 1}`);
    site.resources.set('/many/', pageWith('Catalogue', 'Every product we sell.', pages));
    for (const path of pages) site.resources.set(path, pageWith(`Product ${path}`, `The product at ${path}.`));
    const knowledgeBaseId = await createKnowledgeBase();

    const link = await settled(knowledgeBaseId, (await addLink(knowledgeBaseId, `${site.url}/many/`)).id);
    expect(link.status).toBe('SUCCESS');
    const pagesRequested = site.requests.filter((request) => request.path.startsWith('/many/')).length;
    expect(pagesRequested).toBe(50);
    expect(Object.keys(await chunkIdsByPage(link.id))).toHaveLength(50);
  });

  it('fails links to private addresses that are not allowed, with the reason, leaving other sources alone', async () => {
    site.resources.set('/allowed/', pageWith('Allowed', 'The allowed page mentions the tangerine protocol.'));
    const knowledgeBaseId = await createKnowledgeBase();
    const item = await t.request('POST', api(`/${knowledgeBaseId}/items`), {
      token,
      body: { type: 'text', title: 'Notes', content: 'The walrus committee meets on Fridays.' },
    });
    expect(item.status, item.text).toBe(201);
    const good = await addLink(knowledgeBaseId, `${site.url}/allowed/`);
    const otherPort = await addLink(knowledgeBaseId, `${forbiddenSite.url}/`);
    const metadata = await addLink(knowledgeBaseId, 'http://169.254.169.254/latest/meta-data/', false);

    for (const blocked of [otherPort, metadata]) {
      const done = await settled(knowledgeBaseId, blocked.id);
      expect(done).toMatchObject({ status: 'FAILURE', chunkCount: 0, failureReason: expect.stringMatching(/not a public address/) });
      expect(await taskOf(done.taskId)).toMatchObject({ status: 'FAILURE', failureReason: done.failureReason, attempts: 1 });
    }
    expect((await settled(knowledgeBaseId, otherPort.id)).failureReason).toContain('127.0.0.1');
    expect((await settled(knowledgeBaseId, metadata.id)).failureReason).toContain('169.254.169.254');
    expect(forbiddenSite.requests).toEqual([]);

    expect((await settled(knowledgeBaseId, good.id)).status).toBe('SUCCESS');
    expect((await search(knowledgeBaseId, 'tangerine protocol'))[0]?.source.id).toBe(good.id);
    expect((await search(knowledgeBaseId, 'walrus committee'))[0]?.source.kind).toBe('item');
  });

  it('re-syncs on schedule: re-ingests only the changed page, drops a removed one, keeps the others', async () => {
    site.resources.set('/shop/', pageWith('Shop', 'Welcome to the shop.', ['/shop/pricing', '/shop/team', '/shop/old-offer']));
    site.resources.set('/shop/pricing', pageWith('Pricing', 'The basic plan costs nine florins.'));
    site.resources.set('/shop/team', { ...pageWith('Team', 'Our team rows kayaks.'), validators: false });
    site.resources.set('/shop/old-offer', pageWith('Old offer', 'The marzipan discount ends soon.'));
    const knowledgeBaseId = await createKnowledgeBase({ updateInterval: 1 });
    const link = await settled(knowledgeBaseId, (await addLink(knowledgeBaseId, `${site.url}/shop/`)).id);
    const before = await chunkIdsByPage(link.id);
    expect(Object.keys(before).sort()).toEqual(['/shop/', '/shop/old-offer', '/shop/pricing', '/shop/team']);

    site.resources.set('/shop/pricing', pageWith('Pricing', 'The basic plan now costs eleven ducats.'));
    site.resources.delete('/shop/old-offer');
    await oneIntervalLater();
    await t.app.services.knowledge.linkResync.runOnce();
    const resynced = await settled(knowledgeBaseId, link.id);
    expect(resynced.taskId).not.toBe(link.taskId);
    expect(resynced.lastSyncedAt! > link.lastSyncedAt!).toBe(true);
    expect(await taskOf(resynced.taskId)).toMatchObject({
      result: { outcome: 'indexed', pages: { ingested: 1, unchanged: 2, removed: 1, failed: 0 } },
    });

    const after = await chunkIdsByPage(link.id);
    expect(Object.keys(after).sort()).toEqual(['/shop/', '/shop/pricing', '/shop/team']);
    expect(after['/shop/']).toEqual(before['/shop/']);
    expect(after['/shop/team']).toEqual(before['/shop/team']);
    expect(after['/shop/pricing']!.some((id) => before['/shop/pricing']!.includes(id))).toBe(false);
    expect(resynced.chunkCount).toBe(Object.values(after).flat().length);
    expect((await search(knowledgeBaseId, 'eleven ducats'))[0]?.url).toBe(`${site.url}/shop/pricing`);
    expect(await search(knowledgeBaseId, 'florins')).toEqual([]);
    expect(await search(knowledgeBaseId, 'marzipan')).toEqual([]);

    await oneIntervalLater();
    await t.app.services.knowledge.linkResync.runOnce();
    const unchanged = await settled(knowledgeBaseId, link.id);
    expect(unchanged.taskId).not.toBe(resynced.taskId);
    expect(await taskOf(unchanged.taskId)).toMatchObject({ result: { outcome: 'unchanged', pages: { ingested: 0, unchanged: 3 } } });
    expect(await chunkIdsByPage(link.id)).toEqual(after);

    await t.request('PUT', api(`/${knowledgeBaseId}`), { token, body: { updateInterval: 0 } });
  });

  it('re-ingests every page, changed or not, after the chunking settings change', async () => {
    site.resources.set('/guide/', pageWith('Guide', 'Start with the guide.', ['/guide/setup']));
    site.resources.set('/guide/setup', pageWith('Setup', 'Setup takes a minute.'));
    const knowledgeBaseId = await createKnowledgeBase();
    const link = await settled(knowledgeBaseId, (await addLink(knowledgeBaseId, `${site.url}/guide/`)).id);
    const before = Object.values(await chunkIdsByPage(link.id)).flat();

    const updated = await t.request('PUT', api(`/${knowledgeBaseId}`), { token, body: { chunkSize: 256 } });
    expect(updated.status, updated.text).toBe(200);
    const reindexed = await vi.waitFor(
      async () => {
        const state = await settled(knowledgeBaseId, link.id);
        expect(state.taskId).not.toBe(link.taskId);
        return state;
      },
      { timeout: 30_000, interval: 50 },
    );
    expect(await taskOf(reindexed.taskId)).toMatchObject({ result: { outcome: 'indexed', pages: { ingested: 2, unchanged: 0 } } });
    const after = Object.values(await chunkIdsByPage(link.id)).flat();
    expect(after).toHaveLength(before.length);
    expect(after.some((id) => before.includes(id))).toBe(false);
  });

  it('never queues a re-sync for a link whose sync is already pending or running', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    for (const path of ['/slow/a', '/slow/b', '/slow/c']) {
      site.resources.set(path, (_request, response) => {
        const page = `<title>${path}</title><p>Slow page ${path}.</p>`;
        void gate.then(() => response.writeHead(200, { 'content-type': 'text/html' }).end(page));
      });
    }
    const knowledgeBaseId = await createKnowledgeBase({ updateInterval: 1 });
    const links = [];
    for (const path of ['/slow/a', '/slow/b', '/slow/c']) links.push(await addLink(knowledgeBaseId, `${site.url}${path}`, false));
    // Two ingestion jobs run at a time: two links wait at the gate, the third is still queued.
    await vi.waitFor(async () => {
      const statuses = (await linksOf(knowledgeBaseId)).map((link) => link.status).sort();
      expect(statuses).toEqual(['PENDING', 'STARTED', 'STARTED']);
    });
    await oneIntervalLater();
    await t.app.services.knowledge.linkResync.runOnce();
    const waiting = await linksOf(knowledgeBaseId);
    expect(waiting.map((link) => link.taskId)).toEqual(links.map((link) => link.taskId));

    open();
    for (const link of links) expect((await settled(knowledgeBaseId, link.id)).status).toBe('SUCCESS');
    await oneIntervalLater();
    await t.app.services.knowledge.linkResync.runOnce();
    const resynced = await linksOf(knowledgeBaseId);
    for (const [position, link] of resynced.entries()) expect(link.taskId).not.toBe(links[position]!.taskId);
    for (const link of resynced) await settled(knowledgeBaseId, link.id);
    await t.request('PUT', api(`/${knowledgeBaseId}`), { token, body: { updateInterval: 0 } });
  });
});
