/**
 * The feedback form behind the footer's "Tell us what you think" button, on every page. Loaded only when the
 * button is first pressed, so no page's first download grows. Signed in, it sends straight away;
 * without an account it asks for the proof-of-work check (and, optionally, an address to answer).
 * The page it was opened on goes with it; the server adds the app version.
 */
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { FEEDBACK_KINDS, FEEDBACK_LIMITS, type FeedbackKind } from '../../../core/feedback/limits.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { RadioGroup } from '../../components/choice-group.tsx';
import { cx } from '../../components/cx.ts';
import { EmailField, inputClasses } from '../../components/text-field.tsx';
import { AltchaField } from '../../kit/proof-of-work/altcha-field.tsx';
import { describeError, isApiError } from '../../lib/api-client.ts';
import { useSession } from '../../lib/session.ts';
import { FEEDBACK_CHALLENGE_URL, feedbackApi } from './api.ts';

const KIND_CHOICES: readonly { value: FeedbackKind; label: string; description: string }[] = [
  { value: 'idea', label: 'Idea', description: 'Something that would make it better' },
  { value: 'problem', label: 'Problem', description: 'Something broken or confusing' },
  { value: 'praise', label: 'Praise', description: 'Something you like' },
];

interface FeedbackDialogProps {
  open: boolean;
  onClose: () => void;
}

type FieldErrors = Partial<Record<'kind' | 'message' | 'contactEmail' | 'altcha', string>>;

export default function FeedbackDialog({ open, onClose }: FeedbackDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const messageId = useId();
  const { pathname } = useLocation();
  const session = useSession();
  const signedIn = Boolean(session.data?.user);
  const [kind, setKind] = useState<FeedbackKind | null>(null);
  const [message, setMessage] = useState('');
  const [contactEmail, setContactEmail] = useState('');
  const [altcha, setAltcha] = useState<string | null>(null);
  const [resetSignal, setResetSignal] = useState(0);
  const [errors, setErrors] = useState<FieldErrors>({});

  const send = useMutation({
    mutationFn: () =>
      feedbackApi.send({
        kind: kind ?? 'idea',
        message: message.trim(),
        page: pathname.slice(0, FEEDBACK_LIMITS.pageMax),
        ...(!signedIn && contactEmail.trim() ? { contactEmail: contactEmail.trim() } : {}),
        ...(!signedIn && altcha ? { altcha } : {}),
      }),
    onError: (error) => {
      if (!isApiError(error)) return;
      if (error.code === 'CAPTCHA_FAILED') {
        setErrors({ altcha: error.message });
        setAltcha(null);
        setResetSignal((value) => value + 1);
        return;
      }
      const fieldErrors: FieldErrors = {};
      for (const detail of error.details) {
        const field = detail.path.replace(/^body\./, '');
        if (field === 'kind' || field === 'message' || field === 'contactEmail' || field === 'altcha') {
          fieldErrors[field] = detail.message;
        }
      }
      setErrors(fieldErrors);
    },
  });

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    else if (!open && element.open) element.close();
  }, [open]);

  function close() {
    if (send.isSuccess) {
      // The next feedback starts from an empty form.
      setKind(null);
      setMessage('');
      setContactEmail('');
      setAltcha(null);
      send.reset();
    }
    setErrors({});
    onClose();
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!kind) found.kind = 'Please choose idea, problem or praise.';
    if (message.trim().length < FEEDBACK_LIMITS.messageMin) found.message = 'Please write a few words.';
    if (!signedIn && !altcha) found.altcha = 'Please tick the box to confirm you’re a person';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    send.mutate();
  }

  const fieldError = (field: keyof FieldErrors) => errors[field];
  const otherError =
    send.isError &&
    !(isApiError(send.error) && (send.error.details.length > 0 || send.error.code === 'CAPTCHA_FAILED'))
      ? describeError(send.error)
      : null;

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!send.isPending) close();
      }}
      className="m-auto max-h-[calc(100dvh-2rem)] w-[calc(100%-2rem)] max-w-lg overflow-y-auto rounded-2xl border border-slate-200 bg-white p-6 shadow-xl backdrop:bg-slate-900/50"
    >
      <h2 id={titleId} className="text-lg font-semibold text-slate-900">
        Send feedback
      </h2>
      {send.isSuccess ? (
        <div className="mt-4 space-y-4">
          <Alert tone="success" title="Thank you!">
            <p>{send.data.message} We read every message.</p>
          </Alert>
          <div className="flex justify-end">
            <Button onClick={close}>Close</Button>
          </div>
        </div>
      ) : (
        <form onSubmit={onSubmit} noValidate className="mt-4 space-y-5">
          <RadioGroup
            legend="What kind of feedback?"
            name="feedback-kind"
            choices={KIND_CHOICES.filter((choice) => FEEDBACK_KINDS.includes(choice.value))}
            value={kind}
            onChange={(value) => {
              setKind(value);
              setErrors(({ kind: _fixed, ...rest }) => rest);
            }}
          />
          {fieldError('kind') ? (
            <p className="text-sm font-medium text-red-700">{fieldError('kind')}</p>
          ) : null}
          <div className="space-y-1.5">
            <label htmlFor={messageId} className="block text-sm font-semibold text-slate-900">
              Your message
            </label>
            <p id={`${messageId}-description`} className="text-sm text-slate-600">
              We attach the page you are on ({pathname}) and the app version.
            </p>
            <textarea
              id={messageId}
              value={message}
              rows={5}
              maxLength={FEEDBACK_LIMITS.messageMax}
              aria-invalid={fieldError('message') ? true : undefined}
              aria-describedby={cx(
                `${messageId}-description`,
                fieldError('message') ? `${messageId}-error` : null,
              )}
              onChange={(event) => setMessage(event.target.value)}
              className={cx(inputClasses, fieldError('message') ? 'border-red-600' : null)}
            />
            {fieldError('message') ? (
              <p id={`${messageId}-error`} className="text-sm font-medium text-red-700">
                {fieldError('message')}
              </p>
            ) : null}
          </div>
          {signedIn ? null : (
            <>
              <EmailField
                label="Your email (optional)"
                description="Only if you would like an answer. Without it, your feedback is anonymous."
                value={contactEmail}
                required={false}
                onChange={(event) => setContactEmail(event.target.value)}
                error={fieldError('contactEmail')}
              />
              <AltchaField
                challengeUrl={FEEDBACK_CHALLENGE_URL}
                resetSignal={resetSignal}
                error={fieldError('altcha')}
                onPayload={(payload) => {
                  setAltcha(payload);
                  if (payload) setErrors(({ altcha: _fixed, ...rest }) => rest);
                }}
              />
            </>
          )}
          {otherError ? (
            <Alert tone="error">
              <p>{otherError}</p>
            </Alert>
          ) : null}
          <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={close} disabled={send.isPending}>
              Cancel
            </Button>
            <Button type="submit" pending={send.isPending} pendingLabel="Sending…">
              Send feedback
            </Button>
          </div>
        </form>
      )}
    </dialog>
  );
}
