import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { coachSessionPath } from '../../../core/navigation/pages.ts';
import { Alert } from '../../components/alert.tsx';
import { Button, type ButtonVariant } from '../../components/button.tsx';
import { describeError } from '../../lib/api-client.ts';
import { useCurrentBrand } from '../workspace/brand.ts';
import {
  BRAND_NOT_READY,
  type CoachLocationState,
  createChatSession,
  rememberNewSession,
} from './sessions.ts';

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
    mutationFn: () => {
      if (!brand) throw new Error(BRAND_NOT_READY);
      return createChatSession({ title, brandId: brand.id });
    },
    onSuccess: (session) => {
      rememberNewSession(queryClient, session);
      const state: CoachLocationState = { starter };
      void navigate(coachSessionPath(session.id), { state });
    },
  });

  return (
    <div className={className}>
      <Button
        variant={variant}
        disabled={!brand}
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
