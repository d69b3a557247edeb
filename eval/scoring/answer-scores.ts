import type { EvaluationQuestion } from '../dataset/questions.js';
import { isAnswerCorrect, keyFactCoverage } from '../../src/search/evaluation-metrics.js';

/** An answer the assistant gave to one question. */
export interface AnsweredQuestion {
  question: EvaluationQuestion;
  answer: string;
}

export interface AnswerScores {
  /** Share of answerable questions whose answer states every key fact. */
  answerAccuracy: number;
  /** Share of unanswerable questions the assistant declined without stating a distractor fact. */
  refusalAccuracy: number;
  answerableCount: number;
  unanswerableCount: number;
}

/**
 * Phrases with which an assistant says its documents do not answer. They are written in the
 * first person or about the documents, so a quoted sentence such as "damage is not covered"
 * is not mistaken for a refusal.
 */
const refusalPatterns: readonly RegExp[] = [
  /\bI(?: am|'m|’m)? (?:could ?n[o'’]?t|can ?n[o'’]?t|cannot|was unable to|unable to) (?:find|answer|locate|see|tell)\b/i,
  /\bI (?:do ?n[o'’]?t|don['’]t) (?:know|have (?:any |enough )?(?:information|details|data))\b/i,
  /\b(?:documents?|sources?|passages?|context) (?:I have )?(?:do|does) ?n[o'’]?t (?:say|mention|contain|cover|state|include|specify)\b/i,
  /\bno (?:relevant )?information (?:about|on|regarding)\b/i,
];

export function isRefusal(answer: string): boolean {
  return refusalPatterns.some((pattern) => pattern.test(answer));
}

/**
 * Whether an answer is right for its question: an answerable question's answer states all key
 * facts; an unanswerable question's answer declines and states none of the distractor facts
 * (a refusal that still guesses "probably 200 m" is wrong).
 */
export function isAnswerRight(answered: AnsweredQuestion): boolean {
  const { question, answer } = answered;
  if (question.answerable) return isAnswerCorrect(answer, question.keyFacts);
  const distractors = question.distractorFacts ?? [];
  return isRefusal(answer) && (distractors.length === 0 || keyFactCoverage(answer, distractors) === 0);
}

export function scoreAnswers(answers: readonly AnsweredQuestion[]): AnswerScores {
  const answerable = answers.filter((answered) => answered.question.answerable);
  const unanswerable = answers.filter((answered) => !answered.question.answerable);
  return {
    answerAccuracy: shareRight(answerable),
    refusalAccuracy: shareRight(unanswerable),
    answerableCount: answerable.length,
    unanswerableCount: unanswerable.length,
  };
}

function shareRight(answers: readonly AnsweredQuestion[]): number {
  return answers.length === 0 ? 0 : answers.filter(isAnswerRight).length / answers.length;
}
