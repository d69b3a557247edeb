import type { ChatSource } from '../api/types.js';

const isWebAddress = (url: string) => /^https?:\/\//i.test(url);

/** The sources an answer drew on, numbered, with the passage each one gave. */
export function Citations({ sources }: { sources: ChatSource[] }) {
  if (sources.length === 0) return null;
  return (
    <ol class="citations" aria-label="Sources">
      {sources.map((source) => (
        <li key={source.id}>
          <span class="citation-title">
            {source.url && isWebAddress(source.url) ? (
              <a href={source.url} target="_blank" rel="noreferrer noopener">
                {source.title ?? source.url}
              </a>
            ) : (
              (source.title ?? 'Source')
            )}
            {source.location && <span class="muted"> · {source.location}</span>}
          </span>
          {source.snippet && <span class="citation-snippet">{source.snippet}</span>}
        </li>
      ))}
    </ol>
  );
}
