import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionResponse, SessionUser } from '../../core/auth/contracts.ts';
import { PAGE_PATHS } from '../../core/navigation/pages.ts';
import { type Ok, request } from './api-client.ts';

export const sessionQueryKey = ['session'] as const;

/** Who is signed in, and signing out: the app shell's calls (signing in is features/auth's). */
export const sessionApi = {
  getSession: (): Promise<SessionResponse> => request('GET', '/api/session', 'sessionResponseSchema'),
  signOut: (): Promise<Ok> => request('POST', '/api/auth/sign-out', 'okSchema'),
};

export const sessionQuery = queryOptions({
  queryKey: sessionQueryKey,
  queryFn: sessionApi.getSession,
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
    mutationFn: sessionApi.signOut,
    onSuccess: () => {
      // A full page load, not a client-side navigation: it drops every cached answer that belonged
      // to the user, and no protected page stays mounted to bounce back to sign-in.
      window.location.assign(PAGE_PATHS.home);
      // Stay pending until the new page replaces this one, so the button can't be pressed again.
      return new Promise<never>(() => {});
    },
  });
}
