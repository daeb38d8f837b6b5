import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { TextLink } from '../../components/text-link.tsx';
import { withNext } from '../../lib/auth-paths.ts';
import { useHydrated } from '../../lib/hydration.ts';

/**
 * A link between sign-in and sign-up that keeps where the visitor was going (`?next=`). Both pages
 * are prerendered without a query string, so `next` joins the link once the page is hydrated — here,
 * so that only this link renders again.
 */
export function NextLink({ to, children }: { to: string; children: ReactNode }) {
  const [searchParams] = useSearchParams();
  const next = useHydrated() ? searchParams.get('next') : null;
  return <TextLink to={withNext(to, next)}>{children}</TextLink>;
}
