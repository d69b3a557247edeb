import { AssistantForm } from '../assistant/assistant-form.js';
import { navigate } from '../router.js';

/** Creating an assistant: the same one-screen form, then on to the assistant's own page. */
export function NewAssistantPage() {
  return (
    <section>
      <header class="page-header">
        <h1>New assistant</h1>
      </header>
      <AssistantForm
        onSaved={(chatbot, uploadProblem) =>
          navigate(`/assistants/${chatbot.id}`, {
            replace: true,
            notice: uploadProblem ? `Assistant created. ${uploadProblem}` : 'Assistant created. Try it in the playground.',
          })
        }
      />
    </section>
  );
}
