import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { Alert } from '../../components/alert.tsx';
import { Button, type ButtonVariant } from '../../components/button.tsx';
import { api, describeError } from '../../lib/api.ts';
import { useCurrentBrand } from '../workspace/brand.ts';
import { rememberNewSession } from './queries.ts';
import type { CoachLocationState } from './thread.tsx';

interface AskCoachButtonProps {
  /** The new conversation's name, saying where it started (e.g. "About my diagnostic of 3 Nov"). */
  title: string;
  /**
   * A first question carrying what this page is about (scores, the weakest dimension…). It waits in
   * the composer for the user to edit or send, so opening the coach never spends a request by itself.
   */
  starter: string;
  label?: string;
  variant?: ButtonVariant;
  className?: string;
}

/** "Ask the coach" from any page: opens a new conversation seeded with that page's context. */
export function AskCoachButton({
  title,
  starter,
  label = 'Ask the coach',
  variant = 'secondary',
  className,
}: AskCoachButtonProps) {
  const queryClient = useQueryClient();
  // New conversations belong to the brand being worked on; the coach reads its workspace.
  const { brand } = useCurrentBrand();
  const navigate = useNavigate();
  const open = useMutation({
    mutationFn: () => api.createChatSession({ title, brandId: brand?.id }),
    onSuccess: (session) => {
      rememberNewSession(queryClient, session);
      const state: CoachLocationState = { starter };
      void navigate(`/app/coach/${session.id}`, { state });
    },
  });

  return (
    <div className={className}>
      <Button
        variant={variant}
        pending={open.isPending}
        pendingLabel="Opening the coach…"
        onClick={() => open.mutate()}
      >
        {label}
      </Button>
      {open.isError ? (
        <Alert key={open.submittedAt} tone="error" className="mt-3">
          <p>{describeError(open.error)}</p>
        </Alert>
      ) : null}
    </div>
  );
}
