import { useState } from 'preact/hooks';

interface MessageComposerProps {
  busy: boolean;
  onSend: (message: string) => void;
  onStop: () => void;
}

/** Where the question is typed: Enter sends, Shift+Enter starts a new line. */
export function MessageComposer({ busy, onSend, onStop }: MessageComposerProps) {
  const [message, setMessage] = useState('');
  const submit = () => {
    const text = message.trim();
    if (!text || busy) return;
    onSend(text);
    setMessage('');
  };
  return (
    <form
      class="composer"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <label class="visually-hidden" for="playground-message">
        Your question
      </label>
      <textarea
        id="playground-message"
        rows={2}
        placeholder="Ask your assistant something…"
        value={message}
        onInput={(event) => setMessage(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            submit();
          }
        }}
      />
      {busy ? (
        <button type="button" class="button button-secondary" onClick={onStop}>
          Stop
        </button>
      ) : (
        <button type="submit" class="button button-primary" disabled={!message.trim()}>
          Send
        </button>
      )}
    </form>
  );
}
