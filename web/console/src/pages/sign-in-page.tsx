import { useState } from 'preact/hooks';
import { api } from '../api/client.js';
import type { User } from '../api/types.js';
import { ErrorNotice } from '../components/error-notice.js';
import { Field } from '../components/field.js';
import { useAction } from '../hooks/use-action.js';

type Mode = 'sign-in' | 'register';

/** Sign in, or create an account and be signed in straight away. */
export function SignInPage({ onSignedIn }: { onSignedIn: (user: User) => void }) {
  const [mode, setMode] = useState<Mode>('sign-in');
  const [username, setUsername] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const submit = useAction(async () => {
    if (mode === 'register') await api.auth.register(username, email, password);
    onSignedIn(await api.auth.login(username, password));
  });
  const registering = mode === 'register';

  return (
    <main class="sign-in">
      <form
        class="card sign-in-card"
        onSubmit={(event) => {
          event.preventDefault();
          void submit.run();
        }}
      >
        <p class="brand brand-large">Docent</p>
        <h1>{registering ? 'Create your account' : 'Sign in'}</h1>
        <p class="muted">Assistants that answer from your documents.</p>
        <Field label={registering ? 'Username' : 'Username or email'}>
          <input value={username} onInput={(event) => setUsername(event.currentTarget.value)} autocomplete="username" required />
        </Field>
        {registering && (
          <Field label="Email">
            <input type="email" value={email} onInput={(event) => setEmail(event.currentTarget.value)} autocomplete="email" required />
          </Field>
        )}
        <Field label="Password" hint={registering ? 'At least 8 characters.' : undefined}>
          <input
            type="password"
            value={password}
            onInput={(event) => setPassword(event.currentTarget.value)}
            autocomplete={registering ? 'new-password' : 'current-password'}
            minLength={registering ? 8 : undefined}
            required
          />
        </Field>
        <ErrorNotice error={submit.error} />
        <button type="submit" class="button button-primary button-wide" disabled={submit.pending}>
          {registering ? 'Create account' : 'Sign in'}
        </button>
        <p class="sign-in-switch">
          {registering ? 'Already have an account?' : 'New to Docent?'}{' '}
          <button
            type="button"
            class="button-link"
            onClick={() => {
              submit.clearError();
              setMode(registering ? 'sign-in' : 'register');
            }}
          >
            {registering ? 'Sign in' : 'Create an account'}
          </button>
        </p>
      </form>
    </main>
  );
}
