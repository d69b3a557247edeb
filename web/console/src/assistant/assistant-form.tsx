import { useState } from 'preact/hooks';
import { api } from '../api/client.js';
import { describeError } from '../api/describe-error.js';
import type { Chatbot, ChatbotInput } from '../api/types.js';
import { ErrorNotice } from '../components/error-notice.js';
import { Field } from '../components/field.js';
import { useAction } from '../hooks/use-action.js';
import { DocumentPicker } from './document-picker.js';
import { ExamplesEditor } from './examples-editor.js';
import { ModelPicker, offlineModel } from './model-picker.js';
import { uploadDocument, uploadUnavailable } from './upload-document.js';

interface AssistantFormProps {
  /** The assistant being edited; absent when creating one. */
  chatbot?: Chatbot;
  /** Called after saving, with a message about the document when its upload did not go through. */
  onSaved: (chatbot: Chatbot, uploadProblem?: string) => void;
}

function initialInput(chatbot?: Chatbot): ChatbotInput {
  return {
    name: chatbot?.name ?? '',
    instructions: chatbot?.instructions ?? '',
    examples: chatbot?.examples ?? [],
    model: { providerId: chatbot?.model.providerId ?? null, name: chatbot?.model.name ?? offlineModel },
  };
}

/** Everything an assistant needs on one screen: name, instruction, examples, a document and the model. */
export function AssistantForm({ chatbot, onSaved }: AssistantFormProps) {
  const [input, setInput] = useState(() => initialInput(chatbot));
  const [document, setDocument] = useState<File | null>(null);
  const [formKey, setFormKey] = useState(0);
  const update = (changes: Partial<ChatbotInput>) => setInput((current) => ({ ...current, ...changes }));

  const save = useAction(async () => {
    const saved = chatbot ? await api.chatbots.update(chatbot.id, input) : await api.chatbots.create(input);
    let uploadProblem: string | undefined;
    if (document) {
      uploadProblem = await uploadDocument(saved.id, document).then(
        () => undefined,
        (error: unknown) => describeError(error, uploadUnavailable),
      );
      setDocument(null);
      setFormKey((key) => key + 1);
    }
    onSaved(saved, uploadProblem);
  });

  return (
    <form
      class="card form"
      onSubmit={(event) => {
        event.preventDefault();
        void save.run();
      }}
    >
      <Field label="Name" hint="What visitors see, e.g. “Handbook helper”.">
        <input value={input.name} onInput={(event) => update({ name: event.currentTarget.value })} maxLength={200} required />
      </Field>
      <Field label="Instruction" hint="In a sentence or two: who the assistant is for and how it should answer.">
        <textarea
          rows={4}
          value={input.instructions}
          onInput={(event) => update({ instructions: event.currentTarget.value })}
          placeholder="Answer questions from our employee handbook. Be brief and friendly."
        />
      </Field>
      <DocumentPicker key={formKey} onChange={setDocument} />
      <ExamplesEditor examples={input.examples} onChange={(examples) => update({ examples })} />
      <ModelPicker
        providerId={input.model.providerId}
        modelName={input.model.name}
        onChange={(providerId, name) => update({ model: { providerId, name } })}
      />
      <ErrorNotice error={save.error} />
      <div class="actions">
        <button type="submit" class="button button-primary" disabled={save.pending}>
          {save.pending ? 'Saving…' : chatbot ? 'Save changes' : 'Create assistant'}
        </button>
      </div>
    </form>
  );
}
