import { CopyButton } from '../components/copy-button.js';

/** The one line to paste into a website, just before `</body>`. */
export function embedSnippet(publishableKey: string): string {
  return `<script src="${location.origin}/widget.js" data-key="${publishableKey}" defer></script>`;
}

export function EmbedSnippet({ publishableKey }: { publishableKey: string }) {
  const snippet = embedSnippet(publishableKey);
  return (
    <div class="snippet">
      <p>
        Paste this into your website's HTML, just before <code>&lt;/body&gt;</code>:
      </p>
      <pre class="code">{snippet}</pre>
      <CopyButton text={snippet} label="Copy snippet" />
    </div>
  );
}
