import { useEffect, useState } from 'react';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';

/** The built-in coach answers without an AI model; people should always know which one answered. */
export function ProviderLabel({ provider }: { provider: 'offline' | 'openai-compatible' | null }) {
  if (provider === 'offline') {
    return (
      <>
        <span
          className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-semibold text-slate-700"
          title="The built-in coach answers from the IDEA framework and your own data, without an AI model."
        >
          Offline coach
        </span>
        <span className="sr-only">
          (the built-in coach: it answers from the IDEA framework and your own data, without an AI model)
        </span>
      </>
    );
  }
  if (provider === 'openai-compatible') {
    return (
      <span className="rounded-full bg-brand-50 px-2 py-0.5 text-xs font-semibold text-brand-800">
        AI model
      </span>
    );
  }
  return null;
}

/** Why the offline coach answered instead of the AI model (an outage, or the spending cap). */
export function NoticeBanner({ notice }: { notice: { message: string } | null }) {
  if (!notice) return null;
  return (
    <Alert tone="warning" className="mt-3">
      <p>{notice.message}</p>
    </Alert>
  );
}

type CopyState = 'idle' | 'copied' | 'failed';

export function CopyButton({ text }: { text: string }) {
  const [state, setState] = useState<CopyState>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2500);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  }

  return (
    <span className="inline-flex items-center gap-2">
      <Button variant="ghost" className="min-h-9 px-2 text-xs" onClick={() => void copy()}>
        Copy answer
      </Button>
      <span role="status" className="text-xs text-slate-600">
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Your browser didn’t allow copying' : ''}
      </span>
    </span>
  );
}

export function FollowUps({
  items,
  disabled,
  onPick,
}: {
  items: readonly string[];
  disabled: boolean;
  onPick: (text: string) => void;
}) {
  if (items.length === 0) return null;
  return (
    <div className="mt-3 space-y-2">
      <p className="text-xs font-semibold tracking-wide text-slate-600 uppercase">Ask next</p>
      <ul className="flex flex-wrap gap-2">
        {items.map((item) => (
          <li key={item}>
            <button
              type="button"
              disabled={disabled}
              onClick={() => onPick(item)}
              className="min-h-9 rounded-full border border-brand-200 bg-white px-3 py-1.5 text-left text-sm text-brand-800 hover:bg-brand-50 disabled:cursor-not-allowed disabled:opacity-60"
            >
              {item}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
