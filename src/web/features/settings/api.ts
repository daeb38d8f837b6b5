import type { AccountDeletionRequest } from '../../../core/account/lifecycle-contracts.ts';
import type { UserResponse } from '../../../core/auth/contracts.ts';
import type { UpdateEmailPreferencesBody } from '../../../core/email-consent/contracts.ts';
import type {
  ChangeEmailBody,
  ChangePasswordBody,
  UpdateProfileBody,
} from '../../../core/settings/contracts.ts';
import { downloadFile, request } from '../../lib/api-client.ts';

export const settingsApi = {
  updateProfile: (body: UpdateProfileBody): Promise<UserResponse> =>
    request('PATCH', '/api/settings/profile', 'userResponseSchema', body),
  changeEmail: (body: ChangeEmailBody) =>
    request('POST', '/api/settings/email', 'changeEmailResponseSchema', body),
  changePassword: (body: ChangePasswordBody) =>
    request('POST', '/api/settings/password', 'changePasswordResponseSchema', body),
  listActiveSessions: () => request('GET', '/api/settings/sessions', 'activeSessionListSchema'),
  revokeSession: (id: string) =>
    request('DELETE', `/api/settings/sessions/${encodeURIComponent(id)}`, 'revokeSessionsResponseSchema'),
  revokeOtherSessions: () =>
    request('POST', '/api/settings/sessions/revoke-others', 'revokeSessionsResponseSchema'),
  downloadAccountExport: () => downloadFile('/api/account/export'),
  requestAccountDeletion: (body: AccountDeletionRequest) =>
    request('POST', '/api/account/deletion', 'accountDeletionResponseSchema', body),
  surveyDigest: () => request('GET', '/api/surveys/digest', 'surveyDigestPreferenceSchema'),
  setSurveyDigest: (enabled: boolean) =>
    request('PUT', '/api/surveys/digest', 'surveyDigestPreferenceSchema', { enabled }),
  emailPreferences: () => request('GET', '/api/settings/email-preferences', 'emailPreferencesSchema'),
  setEmailPreferences: (body: UpdateEmailPreferencesBody) =>
    request('PUT', '/api/settings/email-preferences', 'emailPreferencesSchema', body),
  /** The operator's address (public): how to get a deleted account back. */
  contact: () => request('GET', '/api/contact', 'contactResponseSchema'),
};
