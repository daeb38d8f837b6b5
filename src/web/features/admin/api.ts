import type { AiTask } from '../../../core/ai/contracts.ts';
import { request } from '../../lib/api-client.ts';

function promptPath(promptId: AiTask): string {
  return `/api/admin/ai/prompts/${promptId}`;
}

export const adminApi = {
  getAdminUsage: (days: number) => request('GET', `/api/admin/ai/usage?days=${days}`, 'adminUsageSchema'),
  getAdminBudget: () => request('GET', '/api/admin/ai/budget', 'adminBudgetSchema'),
  listAdminCalls: (limit: number) =>
    request('GET', `/api/admin/ai/calls?limit=${limit}`, 'adminCallListSchema'),
  listPrompts: () => request('GET', '/api/admin/ai/prompts', 'adminPromptListSchema'),
  getSystemStatus: () => request('GET', '/api/admin/system', 'systemStatusSchema'),
  createPromptDraft: (promptId: AiTask, body: string) =>
    request('POST', `${promptPath(promptId)}/versions`, 'promptVersionRefSchema', { body }),
  publishPromptVersion: (promptId: AiTask, version: number) =>
    request('POST', `${promptPath(promptId)}/versions/${version}/publish`, 'promptVersionRefSchema'),
  previewPrompt: (promptId: AiTask, version: number, input: Record<string, unknown>) =>
    request('POST', `${promptPath(promptId)}/preview`, 'aiTaskResponseSchema', { version, input }),
};
