/**
 * What an "Ask the coach" button seeds a conversation with: a name saying where it started, and a
 * first question carrying the page's facts, so the coach answers about exactly what the user saw.
 */
import type { DiagnosticResult } from '../../../core/diagnostic/contracts.ts';
import { DIMENSION_LABELS, DIMENSIONS } from '../../../core/diagnostic/questionnaire.ts';
import { formatDate } from '../../lib/format-date.ts';

export interface CoachStarter {
  title: string;
  starter: string;
}

function scoreLine(result: DiagnosticResult): string {
  const dimensions = DIMENSIONS.map(
    (dimension) => `${DIMENSION_LABELS[dimension]} ${result.scores.dimensions[dimension].score}`,
  ).join(', ');
  return `${result.scores.overall}/100 overall (${dimensions})`;
}

function weakest(result: DiagnosticResult): string {
  const [lowest] = [...DIMENSIONS].sort(
    (a, b) => result.scores.dimensions[a].score - result.scores.dimensions[b].score,
  );
  return DIMENSION_LABELS[lowest ?? 'insight'];
}

/** About one diagnostic result (the results page, the dashboard's latest result). */
export function diagnosticStarter(result: DiagnosticResult): CoachStarter {
  const taken = formatDate(result.createdAt);
  return {
    title: `About my diagnostic of ${taken}`,
    starter: `My IDEA diagnostic from ${taken} scored ${scoreLine(result)}. My weakest dimension is ${weakest(result)}. What should I work on first, and how?`,
  };
}

/** About progress across re-takes (the history page); results newest first. */
export function progressStarter(results: readonly DiagnosticResult[]): CoachStarter {
  const [latest] = results;
  const first = results.at(-1);
  if (!latest || !first || latest === first) {
    return latest
      ? diagnosticStarter(latest)
      : { title: 'About my diagnostic', starter: 'Where should my brand start?' };
  }
  return {
    title: `About my progress over ${results.length} diagnostics`,
    starter: `I have taken the IDEA diagnostic ${results.length} times. The first (${formatDate(first.createdAt)}) scored ${scoreLine(first)}; the latest (${formatDate(latest.createdAt)}) scored ${scoreLine(latest)}. What do these changes tell you, and what should I focus on next?`,
  };
}
