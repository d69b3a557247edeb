/** What the widget remembers about its visitor between page loads, per assistant. */
export interface VisitorMemory {
  visitorToken: string | null;
  conversationId: string | null;
}

const empty: VisitorMemory = { visitorToken: null, conversationId: null };

/**
 * The visitor's token and current conversation in localStorage, and whether the panel was open
 * in sessionStorage (so it stays open across this tab's page loads). Storage can be blocked
 * (privacy modes, sandboxed frames): the widget then still works, it just forgets on reload.
 */
export class VisitorStore {
  private readonly key: string;

  constructor(assistantId: string) {
    this.key = `docent-widget:${assistantId}`;
  }

  read(): VisitorMemory {
    try {
      const stored = JSON.parse(localStorage.getItem(this.key) ?? 'null') as Partial<VisitorMemory> | null;
      return {
        visitorToken: typeof stored?.visitorToken === 'string' ? stored.visitorToken : null,
        conversationId: typeof stored?.conversationId === 'string' ? stored.conversationId : null,
      };
    } catch {
      return { ...empty };
    }
  }

  write(memory: VisitorMemory): void {
    attempt(() => localStorage.setItem(this.key, JSON.stringify(memory)));
  }

  wasOpen(): boolean {
    try {
      return sessionStorage.getItem(`${this.key}:open`) === '1';
    } catch {
      return false;
    }
  }

  rememberOpen(open: boolean): void {
    attempt(() => (open ? sessionStorage.setItem(`${this.key}:open`, '1') : sessionStorage.removeItem(`${this.key}:open`)));
  }
}

function attempt(write: () => void): void {
  try {
    write();
  } catch {
    // Storage is full or blocked; remembering is a convenience, not a requirement.
  }
}
