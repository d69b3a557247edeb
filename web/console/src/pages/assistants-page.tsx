import { api } from '../api/client.js';
import { ErrorNotice } from '../components/error-notice.js';
import { Loading } from '../components/loading.js';
import { useResource } from '../hooks/use-resource.js';
import { Link } from '../router.js';

/** The signed-in user's assistants, and the way to create one. */
export function AssistantsPage() {
  const chatbots = useResource(() => api.chatbots.list());
  return (
    <section>
      <header class="page-header">
        <h1>Assistants</h1>
        <Link href="/assistants/new" class="button button-primary">
          New assistant
        </Link>
      </header>
      <ErrorNotice error={chatbots.error} />
      {chatbots.loading && !chatbots.value && <Loading />}
      {chatbots.value?.length === 0 && (
        <div class="card empty">
          <h2>Create your first assistant</h2>
          <p class="muted">Give it a name, an instruction and a document. Then test it and put it on your website.</p>
          <Link href="/assistants/new" class="button button-primary">
            New assistant
          </Link>
        </div>
      )}
      <ul class="assistant-list">
        {chatbots.value?.map((chatbot) => (
          <li key={chatbot.id} class="card assistant-card">
            <h2>
              <Link href={`/assistants/${chatbot.id}`}>{chatbot.name}</Link>
            </h2>
            <p class="muted clamp">{chatbot.instructions || 'No instruction yet.'}</p>
            <div class="actions">
              <Link href={`/assistants/${chatbot.id}/playground`} class="button button-secondary">
                Playground
              </Link>
              <Link href={`/assistants/${chatbot.id}/widget`} class="button button-ghost">
                Put on website
              </Link>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
