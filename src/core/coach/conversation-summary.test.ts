import { describe, expect, it } from 'vitest';
import {
  type ConversationTurn,
  renderConversationSummary,
  summariseConversation,
} from './conversation-summary.ts';

const user = (content: string): ConversationTurn => ({ role: 'user', content });
const coach = (content: string): ConversationTurn => ({ role: 'assistant', content });

describe('summariseConversation', () => {
  it('keeps each question and the key recommendation of each answer, in order', () => {
    const summary = summariseConversation([
      user('Hi! Why do people forget us after one order? We sell candles.'),
      coach(
        'Great question! Customers forget brands they cannot recognise.\n\n- **Pick one colour and use it on every parcel** [1].\n- Add a thank-you card.',
      ),
      user('Which colour should it be'),
      coach('Start with the sage green you already use on the labels. It is the asset customers mention.'),
    ]);
    expect(summary).toEqual({
      turns: 4,
      questions: ['Why do people forget us after one order?', 'Which colour should it be'],
      questionsOmitted: 0,
      recommendations: [
        'Pick one colour and use it on every parcel.',
        'Start with the sage green you already use on the labels.',
      ],
    });
  });

  it('takes the first list item when nothing is emphasised, and skips pleasantries', () => {
    const summary = summariseConversation([
      coach('Here are three ideas:\n1. Send a sample with every order.\n2. Ask for a review.'),
      coach('Sure! Write the story of the workshop first. Then the values.'),
    ]);
    expect(summary?.recommendations).toEqual([
      'Send a sample with every order.',
      'Write the story of the workshop first.',
    ]);
  });

  it('stays bounded however long the conversation: the first and the latest questions', () => {
    const turns = Array.from({ length: 40 }, (_, index) =>
      index % 2 === 0 ? user(`Question ${index / 2 + 1}?`) : coach(`Do thing ${(index + 1) / 2}.`),
    );
    const summary = summariseConversation(turns);
    expect(summary?.questions).toEqual([
      'Question 1?',
      'Question 2?',
      'Question 17?',
      'Question 18?',
      'Question 19?',
      'Question 20?',
    ]);
    expect(summary?.questionsOmitted).toBe(14);
    expect(summary?.recommendations).toEqual([
      'Do thing 16.',
      'Do thing 17.',
      'Do thing 18.',
      'Do thing 19.',
      'Do thing 20.',
    ]);
    const long = summariseConversation([
      user(`${'very '.repeat(100)}long question?`),
      coach('x '.repeat(300)),
    ]);
    expect(long?.questions[0]?.length).toBeLessThanOrEqual(160);
    expect(long?.questions[0]?.endsWith('…')).toBe(true);
    expect(long?.recommendations[0]?.length).toBeLessThanOrEqual(180);
  });

  it('is null for no turns, and the same turns always give the same text', () => {
    expect(summariseConversation([])).toBeNull();
    const turns = [user('What next?'), coach('**Finish the canvas.**')];
    const once = summariseConversation(turns);
    const twice = summariseConversation(turns);
    expect(once).toEqual(twice);
    if (!once) throw new Error('expected a summary');
    expect(renderConversationSummary(once)).toBe(
      [
        '2 earlier turns of this conversation, in short (oldest first).',
        'The owner asked or said:',
        '- What next?',
        'The coach recommended:',
        '- Finish the canvas.',
      ].join('\n'),
    );
  });

  it('says how many questions it left out, where they were', () => {
    const turns = Array.from({ length: 8 }, (_, index) => user(`Q${index + 1}?`));
    const summary = summariseConversation(turns);
    if (!summary) throw new Error('expected a summary');
    expect(renderConversationSummary(summary).split('\n')).toEqual([
      '8 earlier turns of this conversation, in short (oldest first).',
      'The owner asked or said:',
      '- Q1?',
      '- Q2?',
      '- (2 more questions)',
      '- Q5?',
      '- Q6?',
      '- Q7?',
      '- Q8?',
    ]);
  });
});
