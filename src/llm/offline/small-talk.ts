import { words } from './text-analysis.js';

export type SmallTalkKind = 'greeting' | 'thanks' | 'farewell' | 'wellbeing' | 'identity' | 'acknowledgement';

export interface SmallTalkReading {
  /** Set when the whole message is small talk. */
  kind?: SmallTalkKind;
  /** The message without a leading greeting ("hi, what are your hours?" → "what are your hours?"). */
  question: string;
}

const greetingWords = new Set(['hi', 'hello', 'hey', 'hiya', 'howdy', 'greetings', 'yo', 'good', 'morning', 'afternoon', 'evening', 'day', 'there', 'everyone', 'all']);
const thanksWords = new Set(['thanks', 'thank', 'thx', 'ty', 'cheers', 'you', 'so', 'much', 'a', 'lot', 'very', 'many', 'for', 'the', 'help', 'that', 'great', 'appreciate', 'it']);
const farewellWords = new Set(['bye', 'goodbye', 'see', 'you', 'later', 'soon', 'ya', 'good', 'night', 'take', 'care', 'have', 'a', 'nice', 'day']);
const acknowledgementWords = new Set(['ok', 'okay', 'k', 'cool', 'great', 'nice', 'perfect', 'awesome', 'got', 'it', 'alright', 'understood', 'sure', 'fine', 'good']);

const leadingGreeting = /^\s*(?:hi|hello|hey|hiya|howdy|greetings|good (?:morning|afternoon|evening|day))(?: there)?\b[\s,!.:;-]*/i;
const wellbeing = /^(?:how are you|how are you doing|how is it going|hows it going|how do you do|whats up|sup)$/;
const identity = /^(?:who are you|what are you|what is your name|whats your name|who am i (?:talking|speaking) (?:to|with)|are you a (?:bot|robot|human|person|ai))$/;

/**
 * Recognises messages that are only social ("hi", "thanks!", "bye") so they get a friendly
 * reply instead of a document search, and peels a greeting off a real question. A message is
 * small talk only when every word belongs to one kind's vocabulary, so "thanks, and what about
 * returns?" is still treated as a question.
 */
export function readSmallTalk(message: string, agentName?: string): SmallTalkReading {
  const nameWords = new Set(agentName ? words(agentName) : []);
  const messageWords = words(message).filter((word) => !nameWords.has(word));
  const phrase = messageWords.join(' ');
  const question = withoutLeadingName(message.replace(leadingGreeting, ''), agentName);
  if (messageWords.length === 0) return { question: '' };
  if (wellbeing.test(phrase.replace(/^(?:hi|hello|hey) /, ''))) return { kind: 'wellbeing', question };
  if (identity.test(phrase)) return { kind: 'identity', question };
  const allIn = (vocabulary: ReadonlySet<string>): boolean => messageWords.every((word) => vocabulary.has(word));
  if (messageWords.some((word) => word.startsWith('thank') || word === 'thx' || word === 'cheers') && allIn(thanksWords)) {
    return { kind: 'thanks', question };
  }
  if (messageWords.some((word) => ['bye', 'goodbye', 'see', 'night'].includes(word)) && allIn(farewellWords)) {
    return { kind: 'farewell', question };
  }
  if (allIn(greetingWords)) return { kind: 'greeting', question };
  if (allIn(acknowledgementWords)) return { kind: 'acknowledgement', question };
  return { question };
}

/** "Ava, what are your hours?" → "what are your hours?" */
function withoutLeadingName(text: string, agentName: string | undefined): string {
  const trimmed = text.trim();
  if (!agentName || !trimmed.toLowerCase().startsWith(agentName.toLowerCase())) return trimmed;
  const rest = trimmed.slice(agentName.length);
  return /^[\s,!.:;-]/.test(rest) ? rest.replace(/^[\s,!.:;-]+/, '') : trimmed;
}
