import { useCallback, useState } from 'react';
import type { AssessPassword } from '../../../core/auth/password-assessment.ts';

export type { AssessPassword };

let loading: Promise<AssessPassword> | null = null;

/**
 * The estimator's dictionaries are several hundred KB, so they are fetched only once someone starts
 * on a password, never with the page. A failed download is forgotten so the next attempt retries.
 */
export function loadPasswordEstimator(): Promise<AssessPassword> {
  loading ??= import('../../../core/auth/password-strength.ts').then(
    (module) => module.assessPassword,
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

export interface PasswordEstimator {
  /** Null until loaded. */
  assess: AssessPassword | null;
  failed: boolean;
  /** Idempotent; call it when the password field is first used. */
  load: () => void;
}

export function usePasswordEstimator(): PasswordEstimator {
  const [assess, setAssess] = useState<AssessPassword | null>(null);
  const [failed, setFailed] = useState(false);
  const load = useCallback(() => {
    loadPasswordEstimator().then(
      (estimator) => {
        setFailed(false);
        setAssess(() => estimator);
      },
      () => setFailed(true),
    );
  }, []);
  return { assess, failed, load };
}
