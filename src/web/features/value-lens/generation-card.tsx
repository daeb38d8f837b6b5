import { COPY_FORMAT_LABELS } from '../../../core/ai/copy-limits.ts';
import type { ValueLensGeneration } from '../../../core/value-lens/contracts.ts';
import { providerLabel } from '../../kit/coach/coach-messages.ts';
import { RateAnswer } from '../../kit/coach/rate-answer.tsx';
import { CopyVariant } from './copy-variant.tsx';

/** A generation's copy variants, notes and what it was written from. */
export function GenerationBody({ generation }: { generation: ValueLensGeneration }) {
  const format = COPY_FORMAT_LABELS[generation.format];
  const unit = generation.format === 'amazon-bullets' ? 'Bullet' : 'Variant';
  return (
    <div className="space-y-3">
      <p className="text-xs text-slate-600">
        {providerLabel(generation.meta)}
        {generation.avatarName ? ` · written for ${generation.avatarName}` : ''}
        {generation.usedCanvas ? ' · with your brand canvas' : ''}
      </p>
      {generation.meta.notice ? (
        <p className="text-xs text-amber-900">{generation.meta.notice.message}</p>
      ) : null}
      <ol className="space-y-2" aria-label={`${format} copy`}>
        {generation.variants.map((variant, index) => (
          <CopyVariant
            // Variants are plain strings that may repeat; their position identifies them.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            key={index}
            text={variant}
            format={generation.format}
            label={`${unit.toLowerCase()} ${index + 1}`}
          />
        ))}
      </ol>
      {generation.notes.length > 0 ? (
        <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
          {generation.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
      {generation.meta.callId ? (
        <RateAnswer
          key={generation.meta.callId}
          target={{ subject: 'task-result', callId: generation.meta.callId }}
          label="this copy"
        />
      ) : null}
    </div>
  );
}
