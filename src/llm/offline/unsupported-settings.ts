import type { LanguageModelV3CallOptions, SharedV3Warning } from '@ai-sdk/provider';

const unsupportedSettings = [
  'temperature',
  'topP',
  'topK',
  'presencePenalty',
  'frequencyPenalty',
  'seed',
  'stopSequences',
] as const satisfies readonly (keyof LanguageModelV3CallOptions)[];

/**
 * Settings the offline responder cannot honour, as warnings rather than errors, so a
 * conversation configured for a remote model keeps working when it falls back to offline.
 * Its answers are extracted, hence deterministic: sampling settings have nothing to act on.
 */
export function unsupportedSettingWarnings(options: LanguageModelV3CallOptions): SharedV3Warning[] {
  const warnings: SharedV3Warning[] = unsupportedSettings
    .filter((setting) => options[setting] !== undefined)
    .map((setting) => ({ type: 'unsupported', feature: setting, details: 'The offline responder answers by extraction.' }));
  if (options.tools?.length) warnings.push({ type: 'unsupported', feature: 'tools', details: 'The offline responder does not call tools.' });
  if (options.responseFormat?.type === 'json') warnings.push({ type: 'unsupported', feature: 'responseFormat', details: 'The offline responder answers in text.' });
  return warnings;
}
