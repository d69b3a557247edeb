import type { OfflineKnowledge } from './offline-knowledge.js';
import type { SmallTalkKind } from './small-talk.js';

/** "I'm Ava, Acme's assistant." / "I'm Acme's assistant." / "I'm an assistant." */
function introduction(knowledge: OfflineKnowledge): string {
  const { agentName, organisationName } = knowledge;
  if (agentName && organisationName) return `I'm ${agentName}, ${possessive(organisationName)} assistant.`;
  if (agentName) return `I'm ${agentName}, a virtual assistant.`;
  if (organisationName) return `I'm ${possessive(organisationName)} virtual assistant.`;
  return "I'm a virtual assistant.";
}

function possessive(name: string): string {
  return /s$/i.test(name) ? `${name}'` : `${name}'s`;
}

function documentsPhrase(knowledge: OfflineKnowledge): string {
  return knowledge.organisationName ? `${possessive(knowledge.organisationName)} documents` : 'the documents I have';
}

/** Short, friendly replies to social messages, in the assistant's own voice. */
export function smallTalkReply(kind: SmallTalkKind, knowledge: OfflineKnowledge): string {
  switch (kind) {
    case 'greeting':
      return `Hello! ${introduction(knowledge)} How can I help you today?`;
    case 'wellbeing':
      return "I'm doing well, thank you for asking! What can I help you with?";
    case 'identity':
      return `${introduction(knowledge)} I answer questions using ${documentsPhrase(knowledge)}.`;
    case 'thanks':
      return "You're welcome! Let me know if there's anything else I can help with.";
    case 'farewell':
      return 'Goodbye! Come back any time you have a question.';
    case 'acknowledgement':
      return 'Great! Is there anything else you would like to know?';
  }
}

/**
 * What the assistant says when its documents do not answer the question. It says so plainly
 * and invites a rephrase; it never guesses.
 */
export function noAnswerReply(knowledge: OfflineKnowledge): string {
  if (knowledge.noAnswerMessage) return knowledge.noAnswerMessage;
  return `I'm sorry, I couldn't find an answer to that in ${documentsPhrase(knowledge)}, so I'd rather not guess. Could you rephrase your question, or ask about something else?`;
}

/** Said when the assistant has no documents or FAQ entries at all. */
export function noKnowledgeReply(knowledge: OfflineKnowledge): string {
  if (knowledge.noAnswerMessage) return knowledge.noAnswerMessage;
  return "I don't have any documents to answer from yet, so I can't answer that reliably. Once documents have been added, I'll answer from them.";
}

export function emptyQuestionReply(knowledge: OfflineKnowledge): string {
  return `${introduction(knowledge)} What would you like to know?`;
}
