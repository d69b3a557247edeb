import { api } from '../api/client.js';
import { CopyButton } from '../components/copy-button.js';
import { Dialog } from '../components/dialog.js';
import { ErrorNotice } from '../components/error-notice.js';
import { Loading } from '../components/loading.js';
import { useResource } from '../hooks/use-resource.js';

/** The exact system prompt the assistant answers with, to see how the set-up reads to the model. */
export function FinalPromptDialog({ chatbotId, onClose }: { chatbotId: string; onClose: () => void }) {
  const prompt = useResource(() => api.chatbots.finalPrompt(chatbotId), [chatbotId]);
  return (
    <Dialog title="Final prompt" onClose={onClose}>
      <ErrorNotice error={prompt.error} />
      {prompt.value === undefined ? (
        !prompt.error && <Loading />
      ) : (
        <>
          <pre class="final-prompt">{prompt.value}</pre>
          <CopyButton text={prompt.value} />
        </>
      )}
    </Dialog>
  );
}
