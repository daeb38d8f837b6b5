import { describe, expect, it } from 'vitest';
import { WORKSHEET_COACH_FIELDS } from '../ai/contracts.ts';
import type { BrandSaved } from '../ai/workspace-context.ts';
import { canvasDataSchema } from '../workspace/canvas.ts';
import {
  PROPOSAL_WORKSHEET_FIELDS,
  type ProposalTarget,
  proposalDraftSchema,
  proposalHref,
  proposalLabel,
  proposalLocation,
  proposalSourceKey,
  proposalsForCopy,
  proposalTextProblem,
  proposeEditArgsSchema,
  readProposalText,
  statementFieldIn,
  writeProposalText,
} from './proposals.ts';

const AVATAR_ID = '00000000-0000-4000-8000-0000000000a1';

function saved(canvas: Partial<ReturnType<typeof canvasDataSchema.parse>> | null): BrandSaved {
  return {
    canvas: canvas ? canvasDataSchema.parse(canvas) : null,
    insight: null,
    distinctive: null,
    empathetic: null,
    authentic: null,
    avatars: [],
  };
}

describe('proposalsForCopy', () => {
  const options = ['Calm evenings, poured by hand in Leeds.', 'Candles that smell of the garden, not a lab.'];

  it('turns value-proposition options into canvas value-proposition proposals', () => {
    const drafts = proposalsForCopy(
      'value-proposition',
      options,
      saved({ valueProposition: 'Nice candles.' }),
    );
    expect(drafts).toHaveLength(2);
    expect(drafts[0]).toEqual({
      target: { kind: 'canvas', field: 'valueProposition' },
      label: 'Canvas: value proposition',
      currentText: 'Nice candles.',
      proposedText: options[0],
      reason: expect.stringContaining('Option 1'),
    });
    for (const draft of drafts) expect(proposalDraftSchema.safeParse(draft).success).toBe(true);
  });

  it('calls a single option the answer’s draft', () => {
    const [draft] = proposalsForCopy(
      'value-proposition',
      [options[0] ?? ''],
      saved({ valueProposition: 'Old.' }),
    );
    expect(draft?.reason).toBe(
      'The draft in this answer, in place of your current value proposition (the old text stays in the canvas history).',
    );
  });

  it('says the field is empty when the canvas has none yet', () => {
    const [draft] = proposalsForCopy('value-proposition', options, saved(null));
    expect(draft?.currentText).toBe('');
    expect(draft?.reason).toBe('Option 1 of this answer; your canvas has no value proposition yet.');
  });

  it('sends a statement to the field the request names', () => {
    const request = 'Rewrite our positioning statement';
    const drafts = proposalsForCopy('statement', options, saved({ positioning: 'For everyone.' }), request);
    expect(drafts.map((draft) => draft.target)).toEqual([
      { kind: 'canvas', field: 'positioning' },
      { kind: 'canvas', field: 'positioning' },
    ]);
    expect(drafts[0]?.label).toBe('Canvas: positioning statement');
    expect(
      proposalsForCopy('statement', options, saved(null), 'Draft a mission statement')[0]?.target,
    ).toEqual({
      kind: 'canvas',
      field: 'mission',
    });
  });

  it('makes no proposal for a statement whose field it cannot tell', () => {
    expect(proposalsForCopy('statement', options, saved(null))).toEqual([]);
    expect(proposalsForCopy('statement', options, saved(null), 'Write a statement for the press')).toEqual(
      [],
    );
  });

  it('sends taglines to the canvas tagline, leaving out any over its 80 characters', () => {
    const taglines = ['Calm by bedtime.', 'Light it and exhale.', `${'Long line '.repeat(9)}end.`];
    const drafts = proposalsForCopy(
      'tagline',
      taglines,
      saved({ tagline: 'Candles.' }),
      'Write three taglines',
    );
    expect(drafts.map((draft) => [draft.target, draft.proposedText])).toEqual([
      [{ kind: 'canvas', field: 'tagline' }, 'Calm by bedtime.'],
      [{ kind: 'canvas', field: 'tagline' }, 'Light it and exhale.'],
    ]);
    expect(drafts[0]?.label).toBe('Canvas: tagline');
    expect(drafts[0]?.currentText).toBe('Candles.');
  });

  it('makes no proposal for copy that has no field of its own', () => {
    for (const kind of ['headline', 'bio', 'about', 'hero', 'amazon-bullets', 'email-subject'] as const) {
      expect(
        proposalsForCopy(kind, options, saved({ valueProposition: 'x' }), 'Write three taglines'),
      ).toEqual([]);
    }
  });

  it('leaves out options that are empty, repeated, over the limit or the field’s own text', () => {
    const drafts = proposalsForCopy(
      'value-proposition',
      ['  ', 'Nice candles.', 'Calm evenings.', 'calm   evenings.', 'Calm  evenings.', 'x'.repeat(1001)],
      saved({ valueProposition: 'Nice candles.' }),
    );
    expect(drafts.map((draft) => draft.proposedText)).toEqual(['Calm evenings.', 'calm   evenings.']);
    expect(drafts[0]?.reason).toContain('Option 3');
  });
});

describe('statementFieldIn', () => {
  it('reads the statement a message names, the first one when several are', () => {
    expect(statementFieldIn('Can you sharpen our vision?')).toBe('vision');
    expect(statementFieldIn('Our purpose, then our mission')).toBe('purpose');
    expect(statementFieldIn('a one-line value prop')).toBe('valueProposition');
    expect(statementFieldIn('how do we position ourselves')).toBe('positioning');
    expect(statementFieldIn('write a tagline')).toBeNull();
  });
});

describe('targets', () => {
  const avatar: ProposalTarget = { kind: 'avatar', itemId: AVATAR_ID, field: 'demographics.occupation' };

  it('offers the same worksheet answers as the field coach', () => {
    expect([...PROPOSAL_WORKSHEET_FIELDS].sort()).toEqual([...WORKSHEET_COACH_FIELDS].sort());
  });

  it('locates each kind of target in its item', () => {
    expect(proposalLocation({ kind: 'canvas', field: 'voice' })).toEqual({
      kind: 'canvas',
      itemId: null,
      path: ['voice'],
    });
    expect(proposalLocation({ kind: 'worksheet', field: 'authentic.story.origin' })).toEqual({
      kind: 'authentic',
      itemId: null,
      path: ['story', 'origin'],
    });
    expect(proposalLocation(avatar)).toEqual({
      kind: 'avatar',
      itemId: AVATAR_ID,
      path: ['demographics', 'occupation'],
    });
    expect(proposalSourceKey({ kind: 'worksheet', field: 'authentic.story.origin' })).toBe('story.origin');
  });

  it('links each target to its field’s place on its page', () => {
    expect(proposalHref({ kind: 'canvas', field: 'valueProposition' })).toBe(
      '/app/canvas#field-valueProposition',
    );
    expect(proposalHref({ kind: 'worksheet', field: 'authentic.story.origin' })).toBe(
      '/app/idea/authentic#field-story-origin',
    );
    expect(proposalHref(avatar)).toBe(`/app/avatars/${AVATAR_ID}#field-demographics-occupation`);
  });

  it('labels a target as the owner knows the field', () => {
    expect(proposalLabel({ kind: 'worksheet', field: 'insight.buyerMotivation' })).toBe(
      'Insight worksheet: why customers buy',
    );
    expect(proposalLabel(avatar, 'Maya')).toBe('Avatar Maya: occupation');
  });

  it('reads and writes text at a path without touching the rest', () => {
    const data = { story: { origin: 'A kitchen', struggle: 'Cash' }, promise: 'p' };
    expect(readProposalText(data, ['story', 'origin'])).toBe('A kitchen');
    expect(readProposalText(null, ['story', 'origin'])).toBe('');
    expect(readProposalText(data, ['story'])).toBe('');
    const written = writeProposalText(data, ['story', 'origin'], 'A shed');
    expect(written).toEqual({ story: { origin: 'A shed', struggle: 'Cash' }, promise: 'p' });
    expect(data.story.origin).toBe('A kitchen');
    expect(writeProposalText({}, ['demographics', 'occupation'], 'nurse')).toEqual({
      demographics: { occupation: 'nurse' },
    });
  });

  it('checks a proposed text against the field’s own limit and current text', () => {
    expect(proposalTextProblem(avatar, 'x'.repeat(121), '')).toMatch(/at most 120/);
    expect(proposalTextProblem(avatar, 'nurse', ' nurse ')).toMatch(/already says/);
    expect(proposalTextProblem(avatar, '   ', '')).toMatch(/empty/);
    expect(proposalTextProblem(avatar, 'midwife', 'nurse')).toBeNull();
  });
});

describe('proposeEditArgsSchema', () => {
  it('accepts a well-formed edit and rejects unknown fields and targets', () => {
    expect(
      proposeEditArgsSchema.safeParse({
        target: { kind: 'canvas', field: 'mission' },
        proposedText: 'We make evenings calm.',
        reason: 'Names who and how.',
      }).success,
    ).toBe(true);
    expect(
      proposeEditArgsSchema.safeParse({
        target: { kind: 'canvas', field: 'values' },
        proposedText: 'Honesty',
        reason: 'r',
      }).success,
    ).toBe(false);
    expect(
      proposeEditArgsSchema.safeParse({
        target: { kind: 'avatar', itemId: 'not-a-uuid', field: 'name' },
        proposedText: 'Maya',
        reason: 'r',
      }).success,
    ).toBe(false);
    expect(
      proposeEditArgsSchema.safeParse({
        target: { kind: 'canvas', field: 'mission' },
        proposedText: 'x',
        reason: 'r',
        extra: true,
      }).success,
    ).toBe(false);
  });
});
