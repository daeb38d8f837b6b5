import { useState } from 'react';
import type { CopyFormat } from '../../../core/ai/contracts.ts';
import { COPY_LIMITS, copyLength } from '../../../core/ai/copy-limits.ts';
import { Button } from '../../components/button.tsx';
import { cx } from '../../components/cx.ts';

/** Puts text on the clipboard; falls back to a hidden textarea where the async API is unavailable. */
export async function copyToClipboard(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'sr-only';
  document.body.append(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('copy failed');
}

/** One piece of copy with its length against the format's limit and a copy button. */
export function CopyVariant({ text, format, label }: { text: string; format: CopyFormat; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const length = copyLength(text);
  const limit = COPY_LIMITS[format];
  return (
    <li className="space-y-2 rounded-lg border border-slate-200 bg-white p-3" data-testid="copy-variant">
      <p className="break-words whitespace-pre-wrap text-slate-900">{text}</p>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className={cx('text-xs', length > limit ? 'font-semibold text-red-700' : 'text-slate-600')}>
          {length.toLocaleString('en')} / {limit.toLocaleString('en')} characters
        </p>
        <div className="flex items-center gap-2">
          <span role="status" className="text-xs text-slate-700">
            {state === 'copied'
              ? 'Copied'
              : state === 'failed'
                ? 'Could not copy: select the text instead'
                : ''}
          </span>
          <Button
            variant="secondary"
            className="min-h-9 px-3 py-1"
            onClick={() => {
              copyToClipboard(text).then(
                () => setState('copied'),
                () => setState('failed'),
              );
            }}
          >
            Copy<span className="sr-only"> {label}</span>
          </Button>
        </div>
      </div>
    </li>
  );
}
