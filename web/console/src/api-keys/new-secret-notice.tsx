import { CopyButton } from '../components/copy-button.js';

/** A new key's secret, shown this once: the server keeps only its hash. */
export function NewSecretNotice({ secret, onDone }: { secret: string; onDone: () => void }) {
  return (
    <div class="card secret" role="status">
      <h2>Copy your new key now</h2>
      <p>It will not be shown again. Send it in the <code>X-API-Key</code> header.</p>
      <div class="secret-row">
        <code class="secret-value">{secret}</code>
        <CopyButton text={secret} />
      </div>
      <button type="button" class="button button-ghost" onClick={onDone}>
        I have stored it
      </button>
    </div>
  );
}
