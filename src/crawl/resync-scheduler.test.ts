import { afterEach, describe, expect, it } from 'vitest';
import { isResyncDue, ResyncScheduler } from './resync-scheduler.js';

interface Link {
  id: string;
  /** `lastSyncedAt`, or the last attempt for a link whose last sync failed. */
  since: string;
  updateIntervalSeconds: number;
}

const now = new Date('2026-03-02T12:00:00Z');
const links: Link[] = [
  { id: 'due', since: '2026-03-02T10:59:59Z', updateIntervalSeconds: 3600 },
  { id: 'exactly-due', since: '2026-03-02T11:00:00Z', updateIntervalSeconds: 3600 },
  { id: 'not-yet', since: '2026-03-02T11:30:00Z', updateIntervalSeconds: 3600 },
  { id: 'daily', since: '2026-03-01T11:00:00Z', updateIntervalSeconds: 86_400 },
  { id: 'resync-off', since: '2026-01-01T00:00:00Z', updateIntervalSeconds: 0 },
];
const findDueLinks = async (at: Date) => links.filter((link) => isResyncDue(link.since, link.updateIntervalSeconds, at));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let scheduler: ResyncScheduler<Link> | undefined;
afterEach(() => scheduler?.stop());

describe('ResyncScheduler', () => {
  it('enqueues only the links that are due', async () => {
    const enqueued: string[] = [];
    const enqueueResync = async (link: Link) => void enqueued.push(link.id);
    scheduler = new ResyncScheduler<Link>({ intervalMs: 1000, findDueLinks, enqueueResync, now: () => now });
    await scheduler.runOnce();
    expect(enqueued).toEqual(['due', 'exactly-due', 'daily']);
  });

  it('runs every interval and never starts a run while one is in progress', async () => {
    let running = 0;
    let mostAtOnce = 0;
    let lookups = 0;
    scheduler = new ResyncScheduler<Link>({
      intervalMs: 10,
      findDueLinks: async (at) => {
        lookups += 1;
        return findDueLinks(at);
      },
      enqueueResync: async () => {
        running += 1;
        mostAtOnce = Math.max(mostAtOnce, running);
        await sleep(40);
        running -= 1;
      },
      now: () => now,
    });
    scheduler.start();
    const joined = [scheduler.runOnce(), scheduler.runOnce()];
    await Promise.all(joined);
    expect(lookups).toBe(1);
    await sleep(300);
    await scheduler.stop();
    const lookupsWhenStopped = lookups;
    expect(lookupsWhenStopped).toBeGreaterThanOrEqual(2);
    expect(mostAtOnce).toBe(1);
    await sleep(50);
    expect(lookups).toBe(lookupsWhenStopped);
  });

  it('reports a failing lookup or enqueue and carries on with the other links', async () => {
    const errors: unknown[] = [];
    const enqueued: string[] = [];
    scheduler = new ResyncScheduler<Link>({
      intervalMs: 1000,
      findDueLinks,
      enqueueResync: async (link) => {
        if (link.id === 'due') throw new Error('queue full');
        enqueued.push(link.id);
      },
      onError: (error) => errors.push(error),
      now: () => now,
    });
    await scheduler.runOnce();
    expect(enqueued).toEqual(['exactly-due', 'daily']);
    expect(errors).toEqual([new Error('queue full')]);

    const failing = new ResyncScheduler<Link>({
      intervalMs: 1000,
      findDueLinks: () => Promise.reject(new Error('database away')),
      enqueueResync: async () => undefined,
      onError: (error) => errors.push(error),
    });
    await expect(failing.runOnce()).resolves.toBeUndefined();
    expect(errors).toContainEqual(new Error('database away'));
  });
});
