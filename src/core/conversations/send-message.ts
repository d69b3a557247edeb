import type { EndUserReference } from './conversation.js';

/**
 * One send to a chatbot. Where the new question goes in the conversation's tree:
 * - no `conversationId`: a new conversation, titled from the question;
 * - `conversationId` alone: continues the current branch (after its newest answer);
 * - `parentId` = an answer: a follow-up to that answer, a new branch if it already has one;
 * - `parentId` = null: a new first question, i.e. the first question edited;
 * - `regenerate: true` with `parentId` = a question and no `message`: a new answer to that
 *   question, a sibling of the earlier answers.
 * Editing a later question is sending the new text with `parentId` = that question's parent.
 */
export interface SendMessageInput {
  message?: string | undefined;
  conversationId?: string | undefined;
  parentId?: string | null | undefined;
  regenerate?: boolean | undefined;
  endUser?: EndUserReference | undefined;
  /** Makes a retried send return the first one's result instead of adding messages. */
  idempotencyKey?: string | undefined;
}
