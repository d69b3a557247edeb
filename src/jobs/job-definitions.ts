import type { JobDefinitionOptions, JobHandler } from './job-queue.js';

/** A registered job name with its options resolved to concrete values. */
export interface JobDefinition {
  name: string;
  handler: JobHandler;
  concurrency: number;
  attempts: number;
  timeoutMs: number;
  backoffMs: number;
}

const defaults = { concurrency: 1, attempts: 3, timeoutMs: 15 * 60_000, backoffMs: 1000 };

/** Kebab-case, so a name is also a safe Redis key segment and BullMQ queue name. */
const namePattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** What both adapters accept as a job id; BullMQ reserves `:` and ids made of digits only. */
const jobIdPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

/**
 * The job names a queue knows, shared by both adapters so that they validate and default
 * registrations the same way.
 */
export class JobDefinitions {
  private readonly definitions = new Map<string, JobDefinition>();

  add<Payload>(name: string, handler: JobHandler<Payload>, options: JobDefinitionOptions = {}): void {
    if (!namePattern.test(name)) throw new Error(`Job name "${name}" must be kebab-case`);
    if (this.definitions.has(name)) throw new Error(`Job "${name}" is already registered`);
    const definition = {
      name,
      // The payload type is the registrant's promise about what it enqueues under this name.
      handler: handler as JobHandler,
      concurrency: options.concurrency ?? defaults.concurrency,
      attempts: options.attempts ?? defaults.attempts,
      timeoutMs: options.timeoutMs ?? defaults.timeoutMs,
      backoffMs: options.backoffMs ?? defaults.backoffMs,
    };
    for (const key of ['concurrency', 'attempts', 'timeoutMs'] as const) {
      if (!Number.isInteger(definition[key]) || definition[key] < 1) {
        throw new Error(`Job "${name}": ${key} must be a positive integer`);
      }
    }
    if (!Number.isInteger(definition.backoffMs) || definition.backoffMs < 0) {
      throw new Error(`Job "${name}": backoffMs must be a non-negative integer`);
    }
    this.definitions.set(name, definition);
  }

  get(name: string): JobDefinition {
    const definition = this.definitions.get(name);
    if (!definition) throw new Error(`No job registered under "${name}"`);
    return definition;
  }

  all(): JobDefinition[] {
    return [...this.definitions.values()];
  }
}

export function assertValidJobId(id: string): void {
  if (!jobIdPattern.test(id) || /^\d+$/.test(id)) {
    throw new Error(`Job id "${id}" must be letters, digits, ".", "_" or "-", and not digits only`);
  }
}

/** Exponential backoff, the same formula as BullMQ's `exponential` strategy. */
export function retryDelayMs(definition: JobDefinition, failedAttempts: number): number {
  return definition.backoffMs * 2 ** (failedAttempts - 1);
}

/** Progress as stored: a number from 0 to 1 (NaN and non-numbers become 0). */
export function clampProgress(progress: unknown): number {
  if (typeof progress !== 'number' || Number.isNaN(progress)) return 0;
  return Math.min(1, Math.max(0, progress));
}
