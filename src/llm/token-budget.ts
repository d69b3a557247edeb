import type { ModelMessage } from 'ai';
import { contextWindowOf } from './context-windows.js';
import { countMessageTokens, countPromptTokens } from './token-count.js';

/** Tokens kept free for the answer when the caller does not say how long it may be. */
export const defaultReservedOutputTokens = 1_024;

export interface HistoryBudgetRequest {
  modelId: string;
  system?: string | undefined;
  messages: readonly ModelMessage[];
  /** Tokens reserved for the answer; defaults to {@link defaultReservedOutputTokens}. */
  maxOutputTokens?: number | undefined;
  /** Overrides the context window from the model table, e.g. for a server configured smaller. */
  contextWindow?: number | undefined;
}

export interface TrimmedHistory {
  messages: ModelMessage[];
  droppedMessageCount: number;
  /** Estimated tokens of the system prompt plus the kept messages. */
  promptTokens: number;
  /** Tokens the prompt may use: the context window minus the reserved output. */
  budgetTokens: number;
  /** False when even the system prompt and the latest user turn exceed the budget. */
  fits: boolean;
}

/**
 * Trims chat history to what the model can read. The system prompt and the latest user turn
 * are always kept; older turns are dropped oldest first and whole, so an assistant tool call is
 * never separated from its tool result (providers reject such a history).
 */
export function trimHistoryToBudget(request: HistoryBudgetRequest): TrimmedHistory {
  const contextWindow = request.contextWindow ?? contextWindowOf(request.modelId);
  const budgetTokens = Math.max(0, contextWindow - (request.maxOutputTokens ?? defaultReservedOutputTokens));
  const lastUserIndex = request.messages.findLastIndex((message) => message.role === 'user');
  const latestTurn = request.messages.slice(Math.max(0, lastUserIndex));
  const olderTurns = splitIntoTurns(request.messages.slice(0, Math.max(0, lastUserIndex)));

  let promptTokens = countPromptTokens(request.system, latestTurn);
  const fits = promptTokens <= budgetTokens;
  const keptTurns: ModelMessage[][] = [];
  for (const turn of olderTurns.reverse()) {
    const turnTokens = turn.reduce((total, message) => total + countMessageTokens(message), 0);
    if (promptTokens + turnTokens > budgetTokens) break;
    promptTokens += turnTokens;
    keptTurns.unshift(turn);
  }
  const messages = [...keptTurns.flat(), ...latestTurn];
  return {
    messages,
    droppedMessageCount: request.messages.length - messages.length,
    promptTokens,
    budgetTokens,
    fits,
  };
}

/** Groups messages into turns, each starting at a user message. */
function splitIntoTurns(messages: readonly ModelMessage[]): ModelMessage[][] {
  const turns: ModelMessage[][] = [];
  for (const message of messages) {
    const current = turns.at(-1);
    if (message.role === 'user' || !current) turns.push([message]);
    else current.push(message);
  }
  return turns;
}
