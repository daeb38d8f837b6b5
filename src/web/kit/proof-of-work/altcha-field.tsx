import type { Configuration } from 'altcha/types';
import type { AltchaWidgetElement } from 'altcha/types/generic';
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { Button } from '../../components/button.tsx';
import { Spinner } from '../../components/spinner.tsx';

type Status = 'waiting' | 'loading' | 'ready' | 'failed';

interface AltchaFieldProps {
  /** Where the widget fetches its challenge (each form has its own public endpoint). */
  challengeUrl: string;
  /** The solved proof of work to send with the form, or null while there is none. */
  onPayload: (payload: string | null) => void;
  /** Change it to make the widget start over, e.g. after the server refused a used solution. */
  resetSignal: number;
  error?: string | undefined;
}

const loadAltcha = () => import('./load-altcha.ts');

/**
 * The ALTCHA proof-of-work check of the public forms (the diagnostic's report-by-email form, survey
 * answers). Its code (about 35 kB) downloads only when the field is about to scroll into view, so
 * people who never reach the form never pay for it.
 */
export function AltchaField({ challengeUrl, onPayload, resetSignal, error }: AltchaFieldProps) {
  const errorId = useId();
  const hostRef = useRef<HTMLDivElement>(null);
  const widgetRef = useRef<AltchaWidgetElement | null>(null);
  const onPayloadRef = useRef(onPayload);
  useLayoutEffect(() => {
    onPayloadRef.current = onPayload;
  });
  const [status, setStatus] = useState<Status>('waiting');
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is how "Try again" remounts the widget.
  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    let cancelled = false;
    let observer: IntersectionObserver | null = null;
    let widget: AltchaWidgetElement | null = null;

    const onStateChange = (event: Event) => {
      const detail = (event as CustomEvent<{ state?: string; payload?: string | null }>).detail;
      onPayloadRef.current(detail?.state === 'verified' && detail.payload ? detail.payload : null);
    };

    const mount = () => {
      setStatus('loading');
      loadAltcha().then(
        () => {
          if (cancelled) return;
          widget = document.createElement('altcha-widget');
          widget.setAttribute('challenge', challengeUrl);
          widget.setAttribute('name', 'altcha');
          // No interaction signals collected: the proof of work is the whole check.
          const configuration: Partial<Configuration> = {
            hideLogo: true,
            hideFooter: true,
            humanInteractionSignature: false,
          };
          widget.setAttribute('configuration', JSON.stringify(configuration));
          widget.addEventListener('statechange', onStateChange);
          host.append(widget);
          widgetRef.current = widget;
          setStatus('ready');
        },
        () => {
          if (!cancelled) setStatus('failed');
        },
      );
    };

    if (typeof IntersectionObserver === 'undefined') {
      mount();
    } else {
      observer = new IntersectionObserver(
        (entries) => {
          if (!entries.some((entry) => entry.isIntersecting)) return;
          observer?.disconnect();
          mount();
        },
        { rootMargin: '400px 0px' },
      );
      observer.observe(host);
    }

    return () => {
      cancelled = true;
      observer?.disconnect();
      widget?.removeEventListener('statechange', onStateChange);
      widget?.remove();
      widgetRef.current = null;
    };
  }, [attempt, challengeUrl]);

  const lastReset = useRef(resetSignal);
  useEffect(() => {
    if (lastReset.current === resetSignal) return;
    lastReset.current = resetSignal;
    widgetRef.current?.reset();
    onPayloadRef.current(null);
  }, [resetSignal]);

  return (
    <fieldset aria-describedby={error ? errorId : undefined} className="space-y-2">
      <legend className="text-sm font-semibold text-slate-900">Quick check that you’re a person</legend>
      <p className="text-sm text-slate-600">
        Tick the box and your browser solves a small puzzle in a second or two. No images to pick, no
        tracking.
      </p>
      <div className="relative min-h-16">
        {/* The widget is added here by code, outside React's rendering. */}
        <div ref={hostRef} />
        {status === 'loading' ? (
          <p role="status" className="absolute inset-0 flex items-center gap-2 text-sm text-slate-600">
            <Spinner className="size-4" />
            Loading the check…
          </p>
        ) : null}
      </div>
      {status === 'failed' ? (
        <div className="space-y-2">
          <p role="alert" className="text-sm font-medium text-red-700">
            The check couldn’t be loaded. Check your connection and try again.
          </p>
          <Button variant="secondary" onClick={() => setAttempt((value) => value + 1)}>
            Try again
          </Button>
        </div>
      ) : null}
      {error ? (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
