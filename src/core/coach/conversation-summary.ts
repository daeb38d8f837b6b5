/**
 * A running summary of the turns of a conversation that no longer fit in the prompt: what the owner
 * asked and what the coach recommended, so a long conversation keeps its thread ("as we said, start
 * with the night-shift story") without carrying every earlier answer.
 *
 * Extractive and deterministic — sentences picked from the turns, never rewritten — so it costs no
 * model call, cannot invent anything, and the same turns always give the same summary. Bounded in
 * size whatever the conversation's length. Pure: no I/O.
 */
import { stripCitationMarkers } from '../ai/citations.ts';

export interface ConversationTurn {
  role: 'user' | 'assistant';
  content: string;
}

export interface ConversationSummary {
  /** How many turns it stands for. */
  turns: number;
  /** The owner's questions, oldest first: the first ones and the latest ones when there are many. */
  questions: string[];
  /** The coach's key recommendation of each answer, the latest ones, oldest first. */
  recommendations: string[];
  /** Questions left out between the first and the latest ones. */
  questionsOmitted: number;
}

/** The first questions say what the conversation is about; the latest say where it went. */
const FIRST_QUESTIONS = 2;
const LATEST_QUESTIONS = 4;
const LATEST_RECOMMENDATIONS = 5;
const QUESTION_MAX_CHARS = 160;
const RECOMMENDATION_MAX_CHARS = 180;

/** At most `max` characters, ending at a word boundary, with an ellipsis when cut. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/, '')}…`;
}

/** Markdown down to plain words: no emphasis marks, links as their text, no headings or list marks. */
function plain(text: string): string {
  return stripCitationMarkers(text)
    .replace(/```[\s\S]*?(?:```|$)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`#>]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function firstSentence(text: string): string {
  const match = /^.+?[.!?](?=\s|$)/.exec(text);
  return (match?.[0] ?? text).trim();
}

/** The owner's question in a line: its first sentence that asks something, else its first sentence. */
function questionOf(content: string): string {
  const text = plain(content);
  const asking = /[^.!?]*\?/.exec(text)?.[0]?.trim();
  return clip(asking || firstSentence(text), QUESTION_MAX_CHARS);
}

const LIST_ITEM = /^\s*(?:[-*+]|\d{1,2}[.)])\s+(.+)$/;
/** Openers that carry no advice ("Great question!", "Here is what I'd do:"). */
const FILLER =
  /^(?:great|good|nice|thanks|thank you|sure|absolutely|of course|happy to help|here(?:'s| is| are))\b/i;

/**
 * An answer's key recommendation: its first emphasised sentence, else its first list item, else its
 * first sentence that is not a pleasantry.
 */
function recommendationOf(content: string): string | null {
  const lines = stripCitationMarkers(content).split('\n');
  const bold = lines.find((line) => /\*\*[^*]+\*\*/.test(line) && !/^\s*#/.test(line));
  if (bold) {
    const text = plain(bold.replace(LIST_ITEM, '$1'));
    const sentence = text.split(/(?<=[.!?])\s+/).find((part) => !FILLER.test(part)) ?? text;
    if (sentence) return clip(sentence, RECOMMENDATION_MAX_CHARS);
  }
  const item = lines.map((line) => LIST_ITEM.exec(line)?.[1]).find(Boolean);
  if (item) return clip(firstSentence(plain(item)), RECOMMENDATION_MAX_CHARS);
  const sentences = plain(content).split(/(?<=[.!?])\s+/);
  const advice = sentences.find((sentence) => sentence && !FILLER.test(sentence)) ?? sentences[0];
  return advice ? clip(advice, RECOMMENDATION_MAX_CHARS) : null;
}

/** The summary of `turns` (oldest first), or null when there are none. */
export function summariseConversation(turns: readonly ConversationTurn[]): ConversationSummary | null {
  if (turns.length === 0) return null;
  const questions = turns
    .filter((turn) => turn.role === 'user')
    .map((turn) => questionOf(turn.content))
    .filter(Boolean);
  const recommendations = turns
    .filter((turn) => turn.role === 'assistant')
    .map((turn) => recommendationOf(turn.content))
    .filter((line): line is string => Boolean(line));
  const many = questions.length > FIRST_QUESTIONS + LATEST_QUESTIONS;
  return {
    turns: turns.length,
    questions: many
      ? [...questions.slice(0, FIRST_QUESTIONS), ...questions.slice(-LATEST_QUESTIONS)]
      : questions,
    questionsOmitted: many ? questions.length - FIRST_QUESTIONS - LATEST_QUESTIONS : 0,
    recommendations: recommendations.slice(-LATEST_RECOMMENDATIONS),
  };
}

/** The summary as the prompt carries it: plain lines, the owner's and the coach's words. */
export function renderConversationSummary(summary: ConversationSummary): string {
  const lines = [`${summary.turns} earlier turns of this conversation, in short (oldest first).`];
  if (summary.questions.length > 0) {
    lines.push('The owner asked or said:');
    summary.questions.forEach((question, index) => {
      if (index === FIRST_QUESTIONS && summary.questionsOmitted > 0)
        lines.push(`- (${summary.questionsOmitted} more questions)`);
      lines.push(`- ${question}`);
    });
  }
  if (summary.recommendations.length > 0) {
    lines.push('The coach recommended:');
    for (const recommendation of summary.recommendations) lines.push(`- ${recommendation}`);
  }
  return lines.join('\n');
}
