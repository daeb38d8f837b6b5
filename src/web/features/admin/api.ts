import type { AiTask } from '../../../core/ai/contracts.ts';
import { request } from '../../lib/api-client.ts';

function promptPath(promptId: AiTask): string {
  return `/api/admin/ai/prompts/${promptId}`;
}

function userPath(userId: string): string {
  return `/api/admin/users/${encodeURIComponent(userId)}`;
}

export const adminApi = {
  getAdminUsage: (days: number) => request('GET', `/api/admin/ai/usage?days=${days}`, 'adminUsageSchema'),
  getAdminBudget: () => request('GET', '/api/admin/ai/budget', 'adminBudgetSchema'),
  listAdminCalls: (limit: number) =>
    request('GET', `/api/admin/ai/calls?limit=${limit}`, 'adminCallListSchema'),
  listPrompts: () => request('GET', '/api/admin/ai/prompts', 'adminPromptListSchema'),
  getSystemStatus: () => request('GET', '/api/admin/system', 'systemStatusSchema'),
  listUsers: (query: string) => request('GET', `/api/admin/users?${query}`, 'adminUserListSchema'),
  getUser: (userId: string) => request('GET', userPath(userId), 'adminUserDetailSchema'),
  setUserRole: (userId: string, role: 'user' | 'admin') =>
    request('POST', `${userPath(userId)}/role`, 'adminUserActionResponseSchema', { role }),
  setUserSignIn: (userId: string, enabled: boolean) =>
    request('POST', `${userPath(userId)}/sign-in`, 'adminUserActionResponseSchema', { enabled }),
  resendUserVerification: (userId: string) =>
    request('POST', `${userPath(userId)}/resend-verification`, 'adminUserActionResponseSchema'),
  restoreUser: (userId: string) =>
    request('POST', `${userPath(userId)}/restore`, 'restoreAccountResponseSchema'),
  listAuditLog: (query: string) => request('GET', `/api/admin/audit-log?${query}`, 'auditLogPageSchema'),
  listLeads: () => request('GET', '/api/admin/leads', 'adminLeadListSchema'),
  deleteLead: (leadId: string) =>
    request('DELETE', `/api/admin/leads/${encodeURIComponent(leadId)}`, 'deleteLeadResponseSchema'),
  getBetaOverview: () => request('GET', '/api/admin/beta', 'adminBetaSchema'),
  createPromptDraft: (promptId: AiTask, body: string) =>
    request('POST', `${promptPath(promptId)}/versions`, 'promptVersionRefSchema', { body }),
  publishPromptVersion: (promptId: AiTask, version: number) =>
    request('POST', `${promptPath(promptId)}/versions/${version}/publish`, 'promptVersionRefSchema'),
  previewPrompt: (promptId: AiTask, version: number, input: Record<string, unknown>) =>
    request('POST', `${promptPath(promptId)}/preview`, 'aiTaskResponseSchema', { version, input }),
};
