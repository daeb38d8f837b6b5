import type { ReviewRunSummary } from '../../../core/research-reviews/contracts.ts';
import { formatCount } from '../../../core/research-reviews/limits.ts';
import { countOf } from '../../../core/text/plural.ts';
import { SavedRunsList, type SavedRunsSource } from '../../kit/research/saved-runs-list.tsx';
import { reviewResearchApi, reviewResearchKeys } from './api.ts';
import { LABEL_NAMES, LABEL_ORDER } from './labels.ts';

const SOURCE_NAMES: Record<ReviewRunSummary['source'], string> = {
  paste: 'pasted',
  csv: 'from a CSV file',
  avatar: 'from an avatar',
};

const reviewRuns: SavedRunsSource<ReviewRunSummary> = {
  listKey: reviewResearchKeys.runs,
  list: (brandId, cursor) => reviewResearchApi.listRuns(brandId, cursor),
  remove: (run) => reviewResearchApi.deleteRun(run.brandId, run.id),
};

interface SavedRunsProps {
  brandId: string;
  openRunId: string | null;
  onOpen(runId: string): void;
  onDeleted(runId: string): void;
}

/** The brand's saved review analyses, newest first, to open again or delete. */
export function SavedRuns(props: SavedRunsProps) {
  return (
    <SavedRunsList
      {...props}
      source={reviewRuns}
      headingId="review-saved-runs"
      emptyText="Every analysis is saved here, newest first."
      entryTestId="saved-review-run"
      details={(run) => `${countOf(run.reviewCount, 'review')} ${SOURCE_NAMES[run.source]}`}
      summary={(run) =>
        LABEL_ORDER.filter((label) => run.counts[label] > 0)
          .map((label) => `${formatCount(run.counts[label])} ${LABEL_NAMES[label].toLowerCase()}`)
          .join(', ')
      }
    />
  );
}
