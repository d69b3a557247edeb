/** Context window used for models the table does not know; small enough to be safe nearly everywhere. */
export const defaultContextWindow = 8_192;

/**
 * Context windows (input plus output tokens) by model-name prefix. The longest matching prefix
 * wins, so `gpt-4o-mini` and `gpt-4` can hold different values.
 */
const contextWindowsByPrefix: ReadonlyArray<readonly [prefix: string, tokens: number]> = [
  ['gpt-5', 400_000],
  ['gpt-4.1', 1_047_576],
  ['gpt-4o', 128_000],
  ['gpt-4-turbo', 128_000],
  ['gpt-4-32k', 32_768],
  ['gpt-4', 8_192],
  ['gpt-3.5-turbo', 16_385],
  ['o1', 200_000],
  ['o3', 200_000],
  ['o4-mini', 200_000],
  ['claude', 200_000],
  ['gemini-1.5-pro', 2_097_152],
  ['gemini', 1_048_576],
  ['llama3.1', 131_072],
  ['llama3.2', 131_072],
  ['llama3.3', 131_072],
  ['llama3', 8_192],
  ['llama-3.1', 131_072],
  ['llama-3.3', 131_072],
  ['mistral-large', 131_072],
  ['mistral', 32_768],
  ['mixtral', 32_768],
  ['qwen2.5', 32_768],
  ['qwen3', 40_960],
  ['phi3', 4_096],
  ['gemma2', 8_192],
  ['gemma3', 131_072],
  ['deepseek', 65_536],
  ['docent-offline', 1_000_000],
];

/**
 * The context window of a model. Provider prefixes such as `openai/` or `models/` (OpenRouter,
 * Google) are ignored, so `openai/gpt-4o` resolves like `gpt-4o`.
 */
export function contextWindowOf(modelId: string): number {
  const name = modelId.toLowerCase().split('/').at(-1) ?? '';
  let best: readonly [string, number] | undefined;
  for (const entry of contextWindowsByPrefix) {
    if (name.startsWith(entry[0]) && (!best || entry[0].length > best[0].length)) best = entry;
  }
  return best?.[1] ?? defaultContextWindow;
}
