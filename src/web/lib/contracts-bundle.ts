// Only imported through ./contracts.ts, which keeps zod out of every page's initial code. The
// signed-in app's contracts; the public pages' few are in ./contracts-public.ts.

// Must run before any schema below is built, so it comes first (modules evaluate in import order).
import './zod-jitless.ts';

export {
  accountDeletionRequestSchema,
  accountDeletionResponseSchema,
  restoreAccountResponseSchema,
} from '../../core/account/lifecycle-contracts.ts';
export { auditLogPageSchema } from '../../core/admin/audit-contracts.ts';
export {
  adminUserActionResponseSchema,
  adminUserDetailSchema,
  adminUserListSchema,
} from '../../core/admin/user-contracts.ts';
export {
  adminBudgetSchema,
  adminCallListSchema,
  adminPromptListSchema,
  adminUsageSchema,
  promptVersionRefSchema,
} from '../../core/ai/admin-contracts.ts';
export {
  chatDeltaEventSchema,
  chatDoneEventSchema,
  chatErrorEventSchema,
  chatMessageListSchema,
  chatSessionListSchema,
  chatSessionSchema,
} from '../../core/ai/chat-contracts.ts';
export { AI_TASK_SCHEMAS, aiTaskResponseSchema, aiUsageSchema } from '../../core/ai/contracts.ts';
export { adminBetaSchema, betaStatusSchema } from '../../core/beta/contracts.ts';
export { brandMemoryListSchema, brandMemoryResponseSchema } from '../../core/brand-memory/contracts.ts';
export { proposalResponseSchema } from '../../core/coach/proposal-contracts.ts';
export { adminLeadListSchema, deleteLeadResponseSchema } from '../../core/diagnostic/lead-admin-contracts.ts';
export { emailPreferencesSchema } from '../../core/email-consent/contracts.ts';
export {
  aiRatingResponseSchema,
  feedbackItemResponseSchema,
  feedbackListSchema,
  messageRatingsSchema,
  ratingSummarySchema,
} from '../../core/feedback/admin-contracts.ts';
export {
  documentListSchema,
  documentResponseSchema,
  documentTextSchema,
  knowledgeSearchResponseSchema,
} from '../../core/knowledge/contracts.ts';
export {
  brandNamesResponseSchema,
  intentRunListResponseSchema,
  intentRunResponseSchema,
} from '../../core/research/intent-contracts.ts';
export {
  acceptFindingResponseSchema,
  findingProposalsResponseSchema,
  reviewCsvPreviewResponseSchema,
  reviewRowsResponseSchema,
  reviewRunListResponseSchema,
  reviewRunResponseSchema,
} from '../../core/research-reviews/contracts.ts';
export {
  activeSessionListSchema,
  changeEmailBodySchema,
  changeEmailResponseSchema,
  changePasswordBodySchema,
  changePasswordResponseSchema,
  revokeSessionsResponseSchema,
  updateProfileBodySchema,
} from '../../core/settings/contracts.ts';
export {
  surveyDigestPreferenceSchema,
  surveyListSchema,
  surveyResponseSchema,
  surveyResultsSchema,
} from '../../core/surveys/contracts.ts';
export { systemStatusSchema } from '../../core/system/contracts.ts';
export {
  valueLensGenerationResponseSchema,
  valueLensHistoryResponseSchema,
} from '../../core/value-lens/contracts.ts';
export { reviewImportResponseSchema } from '../../core/workspace/avatar-contracts.ts';
export {
  insightSnapshotEmailResponseSchema,
  insightSnapshotListResponseSchema,
  insightSnapshotResponseSchema,
} from '../../core/workspace/insight-snapshot.ts';
export {
  brandListResponseSchema,
  brandResponseSchema,
  itemListResponseSchema,
  itemResponseSchema,
  revisionListResponseSchema,
  revisionResponseSchema,
  saveItemResponseSchema,
} from '../../core/workspace/items.ts';
export { brandProgressResponseSchema } from '../../core/workspace/progress.ts';
