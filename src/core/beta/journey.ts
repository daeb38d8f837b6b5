/**
 * The beta programme (ADR 0053): the words a tester agrees to when joining, and the journey's steps.
 * A step is never ticked by hand: the server derives each one from the tester's real work (see the
 * `done` sentence of each step), so the checklist and the admin funnel can never drift from what
 * people actually did. Free of zod, so the page can show the words without loading the schemas.
 */

export const BETA_STEPS = [
  'diagnostic',
  'module',
  'avatar',
  'canvas',
  'coach',
  'document',
  'feedback',
] as const;
export type BetaStep = (typeof BETA_STEPS)[number];

export interface BetaStepInfo {
  step: BetaStep;
  /** The checklist line. */
  label: string;
  /** What ticks it, in the tester's words. */
  done: string;
}

export const BETA_STEP_INFO: Record<BetaStep, BetaStepInfo> = {
  diagnostic: {
    step: 'diagnostic',
    label: 'Take the diagnostic',
    done: 'Ticked when a diagnostic result is saved to your account.',
  },
  module: {
    step: 'module',
    label: 'Start an IDEA module',
    done: 'Ticked when you complete a learning step or fill in a worksheet section of any module.',
  },
  avatar: {
    step: 'avatar',
    label: 'Create a customer avatar',
    done: 'Ticked when one of your brands has an avatar.',
  },
  canvas: {
    step: 'canvas',
    label: 'Complete the brand canvas',
    done: 'Ticked when every counted field of a brand canvas is filled in, with no placeholder left.',
  },
  coach: {
    step: 'coach',
    label: 'Ask the coach',
    done: 'Ticked when you have sent the coach a message.',
  },
  document: {
    step: 'document',
    label: 'Upload a document',
    done: 'Ticked when a document is uploaded to one of your brands.',
  },
  feedback: {
    step: 'feedback',
    label: 'Give feedback',
    done: 'Ticked when you send feedback with the Feedback button, or rate one of the coach’s answers.',
  },
};

/** The short prompt under each step: how it went, and optionally a sentence why. */
export const STEP_RATINGS = ['easy', 'okay', 'hard'] as const;
export type StepRating = (typeof STEP_RATINGS)[number];
export const STEP_RATING_LABELS: Record<StepRating, string> = {
  easy: 'Easy',
  okay: 'Okay',
  hard: 'Hard',
};
export const STEP_COMMENT_MAX = 500;

/** Where a tester joined or left. */
export const BETA_CHANNELS = ['beta-page'] as const;
export type BetaChannel = (typeof BETA_CHANNELS)[number];

export interface BetaConsentText {
  /** Stored with each membership, e.g. `beta/1`. */
  version: string;
  text: string;
}

/**
 * The words shown beside the join button now. A changed wording is a new version, never an edit of an
 * old one: each membership stores the version and the exact words agreed to.
 */
export const CURRENT_BETA_CONSENT: BetaConsentText = {
  version: 'beta/1',
  text: 'I want to join the IDEA Brand Coach beta. The team may see which journey steps I have completed and the step feedback I give, and may email me about my feedback. I can leave the programme at any time; my account and work stay as they are.',
};

/**
 * The funnel over a cohort: for each step in journey order, how many completed it, how many
 * completed it and every step before it, and how many of those who got through the previous stage
 * did not get through this one.
 */
export interface FunnelStage {
  step: BetaStep;
  completed: number;
  reached: number;
  dropOff: number;
}

export function betaFunnel(
  members: readonly { completed: readonly BetaStep[] }[],
  steps: readonly BetaStep[] = BETA_STEPS,
): FunnelStage[] {
  let stillIn = members.map((member) => new Set(member.completed));
  let previous = members.length;
  return steps.map((step) => {
    const completed = members.filter((member) => member.completed.includes(step)).length;
    stillIn = stillIn.filter((steps) => steps.has(step));
    const stage = { step, completed, reached: stillIn.length, dropOff: previous - stillIn.length };
    previous = stillIn.length;
    return stage;
  });
}
