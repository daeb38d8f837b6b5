import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionResponse, SessionUser } from '../../core/auth/contracts.ts';
import { api } from './api.ts';

export const sessionQueryKey = ['session'] as const;

export const sessionQuery = queryOptions({
  queryKey: sessionQueryKey,
  queryFn: api.getSession,
});

export function useSession() {
  return useQuery(sessionQuery);
}

/** Call after any response that carries the signed-in user, so guards and the header update at once. */
export function useSetSessionUser() {
  const queryClient = useQueryClient();
  return (user: SessionUser | null) => {
    queryClient.setQueryData<SessionResponse>(sessionQueryKey, { user });
  };
}

export function useSignOut() {
  return useMutation({
    mutationFn: api.signOut,
    onSuccess: () => {
      // A full page load, not a client-side navigation: it drops every cached answer that belonged
      // to the user, and no protected page stays mounted to bounce back to sign-in.
      window.location.assign('/');
      // Stay pending until the new page replaces this one, so the button can't be pressed again.
      return new Promise<never>(() => {});
    },
  });
}
