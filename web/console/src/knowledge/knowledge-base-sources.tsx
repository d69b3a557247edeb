import { api } from '../api/client.js';
import type { KnowledgeBase } from '../api/types.js';
import { ErrorNotice } from '../components/error-notice.js';
import { useAction } from '../hooks/use-action.js';
import { useResource } from '../hooks/use-resource.js';
import { SourceStatus } from './source-status.js';

/** One knowledge base: its sources, each with its status, and (optionally) a way to add more. */
export function KnowledgeBaseSources({ knowledgeBase, allowUpload }: { knowledgeBase: KnowledgeBase; allowUpload: boolean }) {
  const sources = useResource(() => api.knowledge.sources(knowledgeBase.id), [knowledgeBase.id]);
  const upload = useAction(async (file: File) => {
    await api.knowledge.upload(knowledgeBase.id, file);
    sources.reload();
  });

  return (
    <div class="knowledge-base">
      <h3>{knowledgeBase.name}</h3>
      <ErrorNotice error={sources.error ?? upload.error} missingFeature="Documents are not available on this server yet." />
      <ul class="source-list">
        {sources.value?.map((source) => (
          <li key={source.id}>
            <span class="source-name">{source.name}</span>
            <SourceStatus source={source} onFinished={sources.reload} />
          </li>
        ))}
      </ul>
      {allowUpload && (
        <label class="button button-secondary file-button">
          {upload.pending ? 'Uploading…' : 'Add a document'}
          <input
            type="file"
            class="visually-hidden"
            disabled={upload.pending}
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              if (file) void upload.run(file);
              event.currentTarget.value = '';
            }}
          />
        </label>
      )}
    </div>
  );
}
