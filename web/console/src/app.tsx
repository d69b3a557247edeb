import { Loading } from './components/loading.js';
import { useSession } from './hooks/use-session.js';
import { AppShell } from './layout/app-shell.js';
import { SignInPage } from './pages/sign-in-page.js';
import { Routes } from './routes.js';

/** The console: sign-in until there is a session, then the pages inside the shell. */
export function App() {
  const [session, signedIn] = useSession();
  if (session.state === 'checking') return <Loading label="Opening Docent…" />;
  if (session.state === 'signed-out') return <SignInPage onSignedIn={signedIn} />;
  return (
    <AppShell user={session.user}>
      <Routes />
    </AppShell>
  );
}
