import { describe, expect, it } from 'vitest';
import { rememberSuggestion } from './memory.ts';

describe('rememberSuggestion', () => {
  it.each([
    ['our customers are mostly nurses', 'Our customers are mostly nurses.'],
    ['We only sell online.', 'We only sell online.'],
    ['We’re a family business from Porto', 'We’re a family business from Porto.'],
    ['Most of our buyers are first-time parents!', 'Most of our buyers are first-time parents.'],
    ['70% of our orders come from Instagram.', '70% of our orders come from Instagram.'],
    ['My best seller is the lavender candle.', 'My best seller is the lavender candle.'],
    ['Our prices start at £18 for a single bar.', 'Our prices start at £18 for a single bar.'],
    ['We never use plastic packaging', 'We never use plastic packaging.'],
    ['I run the shop on my own and sell only on Etsy.', 'I run the shop on my own and sell only on Etsy.'],
    ["I'm the founder and the only employee.", "I'm the founder and the only employee."],
    ['Just so you know, we ship everything from Leeds.', 'We ship everything from Leeds.'],
    [
      'Remember that our customers are mostly night-shift nurses.',
      'Our customers are mostly night-shift nurses.',
    ],
    ['For context: our typical customer is a retired teacher.', 'Our typical customer is a retired teacher.'],
  ])('offers to remember “%s”', (message, fact) => {
    expect(rememberSuggestion(message)).toEqual({ text: fact });
  });

  it('picks the fact out of a message that also asks something', () => {
    expect(
      rememberSuggestion('Our customers are mostly nurses. Write three taglines for our scrubs?'),
    ).toEqual({ text: 'Our customers are mostly nurses.' });
    expect(rememberSuggestion('Write three taglines for our scrubs.\nWe only sell online.')).toEqual({
      text: 'We only sell online.',
    });
  });

  it.each([
    // Questions and requests.
    'Are our customers mostly nurses?',
    'Our customers are mostly nurses?',
    'Write a tagline for nurses',
    'What should we do next?',
    'How do we get more repeat orders',
    'Can you remember what our customers are like?',
    'Rewrite our homepage headline',
    // Guesses, wishes, plans, conditions, obligations.
    'I think our customers are mostly nurses',
    'Our customers might be nurses.',
    'Maybe we only sell online.',
    'We want to sell to nurses.',
    'We need more repeat orders.',
    'We should only sell online.',
    "We'd like to open a shop in Leeds.",
    'We will launch a refill range.',
    'If we only sell online, what changes?',
    'We are planning to sell in Spain.',
    "We're not sure who our customers are.",
    // Problems, the coach, the moment, quoted material.
    'We are struggling with repeat orders.',
    'Our customers love your last suggestion.',
    'Our sales dropped today.',
    'Our headline is "Calm in every candle".',
    'Our site is https://example.com and it sells candles.',
    // Not the brand speaking about itself, or too little to be a fact.
    'Customers are mostly nurses.',
    'Our competitor Acme is cheaper, how do we answer that',
    'Thanks!',
    'We are.',
    '',
    // Other languages get no offer.
    'Nos clients sont surtout des infirmières.',
  ])('makes no offer for “%s”', (message) => {
    expect(rememberSuggestion(message)).toBeNull();
  });

  it('ignores long pasted material and facts too long to be one', () => {
    const pasted = `We only sell online. ${'Customers love the scent and the box it comes in. '.repeat(10)}`;
    expect(pasted.length).toBeGreaterThan(400);
    expect(rememberSuggestion(pasted)).toBeNull();
    const rambling = `We only sell online through ${'a shop, '.repeat(40)}and the post`;
    expect(rememberSuggestion(rambling)).toBeNull();
  });
});
