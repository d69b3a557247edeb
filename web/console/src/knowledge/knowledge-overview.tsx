import { api } from '../api/client.js';
import { ErrorNotice } from '../components/error-notice.js';
import { Loading } from '../components/loading.js';
import { useResource } from '../hooks/use-resource.js';
import { KnowledgeBaseSources } from './knowledge-base-sources.js';

export const knowledgeUnavailable = 'Knowledge bases are not available on this server yet.';

/** The assistant's knowledge bases with their sources and ingestion progress. */
export function KnowledgeOverview({ chatbotId, allowUpload = false }: { chatbotId: string; allowUpload?: boolean }) {
  const knowledgeBases = useResource(() => api.knowledge.list(chatbotId), [chatbotId]);
  return (
    <section class="card" aria-labelledby="knowledge-heading">
      <h2 id="knowledge-heading">What the assistant knows</h2>
      <ErrorNotice error={knowledgeBases.error} missingFeature={knowledgeUnavailable} />
      {knowledgeBases.loading && !knowledgeBases.value && <Loading />}
      {knowledgeBases.value?.length === 0 && <p class="muted">No documents yet. Add one to the set-up form.</p>}
      {knowledgeBases.value?.map((knowledgeBase) => (
        <KnowledgeBaseSources key={knowledgeBase.id} knowledgeBase={knowledgeBase} allowUpload={allowUpload} />
      ))}
    </section>
  );
}
