import { useState } from 'preact/hooks';
import type { Chatbot } from '../api/types.js';
import { KnowledgeOverview } from '../knowledge/knowledge-overview.js';
import { Link, navigationNotice } from '../router.js';
import { AssistantForm } from './assistant-form.js';

/** The assistant's one-screen editor, with its documents and how their ingestion is going. */
export function SetupTab({ chatbot, onSaved }: { chatbot: Chatbot; onSaved: (chatbot: Chatbot) => void }) {
  const [notice, setNotice] = useState(navigationNotice);
  const [documentsVersion, setDocumentsVersion] = useState(0);
  return (
    <div class="stack">
      {notice && (
        <p class="notice notice-success" role="status">
          {notice} <Link href={`/assistants/${chatbot.id}/playground`}>Open the playground</Link>
        </p>
      )}
      <AssistantForm
        key={chatbot.id}
        chatbot={chatbot}
        onSaved={(saved, uploadProblem) => {
          setNotice(uploadProblem ? `Saved. ${uploadProblem}` : 'Saved.');
          setDocumentsVersion((version) => version + 1);
          onSaved(saved);
        }}
      />
      <KnowledgeOverview key={documentsVersion} chatbotId={chatbot.id} />
    </div>
  );
}
