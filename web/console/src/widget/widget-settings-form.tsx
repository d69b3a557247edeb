import type { WidgetSettings } from '../api/types.js';
import { ErrorNotice } from '../components/error-notice.js';
import { Field } from '../components/field.js';

interface WidgetSettingsFormProps {
  settings: WidgetSettings;
  onChange: (settings: WidgetSettings) => void;
  onSave: () => void;
  saving: boolean;
  error: unknown;
  saved: boolean;
}

/** The widget's look: title, colours, corner, launcher text and greeting. Changes preview live. */
export function WidgetSettingsForm({ settings, onChange, onSave, saving, error, saved }: WidgetSettingsFormProps) {
  const update = (changes: Partial<WidgetSettings>) => onChange({ ...settings, ...changes });
  return (
    <form
      class="form"
      onSubmit={(event) => {
        event.preventDefault();
        onSave();
      }}
    >
      <Field label="Title">
        <input value={settings.title} onInput={(event) => update({ title: event.currentTarget.value })} maxLength={80} required />
      </Field>
      <div class="field-row">
        <Field label="Main colour">
          <input type="color" value={settings.primaryColor} onInput={(event) => update({ primaryColor: event.currentTarget.value })} />
        </Field>
        <Field label="Text on main colour">
          <input type="color" value={settings.textColor} onInput={(event) => update({ textColor: event.currentTarget.value })} />
        </Field>
      </div>
      <div class="field-row">
        <Field label="Corner">
          <select
            value={settings.position}
            onChange={(event) => update({ position: event.currentTarget.value as WidgetSettings['position'] })}
          >
            <option value="bottom-right">Bottom right</option>
            <option value="bottom-left">Bottom left</option>
          </select>
        </Field>
        <Field label="Button text">
          <input
            value={settings.launcherText}
            onInput={(event) => update({ launcherText: event.currentTarget.value })}
            maxLength={40}
            required
          />
        </Field>
      </div>
      <Field label="Greeting" hint="Leave empty to use the assistant's own greeting.">
        <textarea
          rows={2}
          value={settings.greeting ?? ''}
          onInput={(event) => update({ greeting: event.currentTarget.value || null })}
          maxLength={1000}
        />
      </Field>
      <ErrorNotice error={error} />
      <div class="actions">
        <button type="submit" class="button button-primary" disabled={saving}>
          Save appearance
        </button>
        {saved && (
          <span class="muted" role="status">
            Saved.
          </span>
        )}
      </div>
    </form>
  );
}
