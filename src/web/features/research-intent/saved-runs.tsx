import type { IntentRunSummary } from '../../../core/research/intent-contracts.ts';
import { countOf } from '../../../core/text/plural.ts';
import { SavedRunsList, type SavedRunsSource } from '../../kit/research/saved-runs-list.tsx';
import { researchIntentApi, researchIntentKeys } from './api.ts';

const INTENT_ORDER = ['transactional', 'commercial', 'informational', 'navigational'] as const;

const intentRuns: SavedRunsSource<IntentRunSummary> = {
  listKey: researchIntentKeys.runs,
  list: (brandId, cursor) => researchIntentApi.listRuns(brandId, cursor),
  remove: (run) => researchIntentApi.deleteRun(run.brandId, run.id),
};

interface SavedRunsProps {
  brandId: string | null;
  openRunId: string | null;
  onOpen(runId: string): void;
  onDeleted(runId: string): void;
}

/** The brand's saved buyer-intent runs, newest first, to open again or delete. */
export function SavedRuns(props: SavedRunsProps) {
  return (
    <SavedRunsList
      {...props}
      source={intentRuns}
      headingId="intent-saved-runs"
      emptyText="Every run is saved here, newest first."
      entryTestId="saved-run"
      details={(run) => `${countOf(run.termCount, 'term')}${run.source === 'csv' ? ' from a CSV file' : ''}`}
      summary={(run) =>
        INTENT_ORDER.filter((intent) => run.counts[intent] > 0)
          .map((intent) => `${run.counts[intent]} ${intent}`)
          .join(', ')
      }
    />
  );
}
