import type { ComponentChildren } from 'preact';
import { api } from '../api/client.js';
import type { User } from '../api/types.js';
import { Link, usePath } from '../router.js';

const sections = [
  { href: '/', label: 'Assistants', active: (path: string) => path === '/' || path.startsWith('/assistants') },
  { href: '/api-keys', label: 'API keys', active: (path: string) => path.startsWith('/api-keys') },
  { href: '/providers', label: 'LLM providers', active: (path: string) => path.startsWith('/providers') },
];

/** The frame around every signed-in page: brand, main sections and the account. */
export function AppShell({ user, children }: { user: User; children: ComponentChildren }) {
  const path = usePath();
  return (
    <div class="shell">
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="topbar">
        <Link href="/" class="brand">
          Docent
        </Link>
        <nav class="topnav" aria-label="Main">
          {sections.map((section) => (
            <Link key={section.href} href={section.href} aria-current={section.active(path) ? 'page' : undefined}>
              {section.label}
            </Link>
          ))}
        </nav>
        <div class="account">
          <span class="account-name">{user.username}</span>
          <button type="button" class="button button-ghost" onClick={() => void api.auth.logout()}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" class="page" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
