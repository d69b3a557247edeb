import { api } from '../api/client.js';
import type { ApiKey } from '../api/types.js';
import { ErrorNotice } from '../components/error-notice.js';
import { useAction } from '../hooks/use-action.js';

const formatDate = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString() : 'Never');

/** One key, masked to its prefix, with its use and a way to revoke it. */
export function ApiKeyRow({ apiKey, onRevoked }: { apiKey: ApiKey; onRevoked: () => void }) {
  const revoke = useAction(async () => {
    if (!confirm(`Revoke “${apiKey.name}”? Anything using it stops working at once.`)) return;
    await api.apiKeys.revoke(apiKey.id);
    onRevoked();
  });
  return (
    <tr>
      <td>{apiKey.name}</td>
      <td>
        <code>{apiKey.prefix}…</code>
      </td>
      <td>{apiKey.scopes.includes('write') ? 'Read and write' : 'Read-only'}</td>
      <td>{formatDate(apiKey.lastUsedAt)}</td>
      <td class="cell-actions">
        {apiKey.revokedAt ? (
          <span class="badge">Revoked</span>
        ) : (
          <button type="button" class="button button-danger" onClick={() => void revoke.run()} disabled={revoke.pending}>
            Revoke
          </button>
        )}
        <ErrorNotice error={revoke.error} />
      </td>
    </tr>
  );
}
