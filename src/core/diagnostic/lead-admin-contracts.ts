/**
 * The admin's list of report-by-email leads (ADR 0053): each request with the consent words and time
 * it came with, the diagnostic result it came from, and where the address stands now.
 */
import { z } from 'zod';
import { idParam } from '../http/params.ts';

/**
 * `subscribed`: a live tips consent for the address; `unsubscribed`: consent given and since
 * withdrawn (or never given for tips); `converted`: an account now exists with the address (which
 * wins over the other two: the product itself takes over then).
 */
export const LEAD_STATUSES = ['subscribed', 'unsubscribed', 'converted'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];
export const LEAD_STATUS_LABELS: Record<LeadStatus, string> = {
  subscribed: 'Subscribed',
  unsubscribed: 'Unsubscribed',
  converted: 'Converted to an account',
};

export const adminLeadSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  consentText: z.string(),
  consentedAt: z.iso.datetime(),
  /** The diagnostic result the report was for; null once that result is gone. */
  sourceResultId: z.uuid().nullable(),
  sourceOverallScore: z.number().int().nullable(),
  reportSentAt: z.iso.datetime().nullable(),
  status: z.enum(LEAD_STATUSES),
});
export type AdminLead = z.infer<typeof adminLeadSchema>;

/** The page lists the newest leads; the CSV export holds every one. */
export const ADMIN_LEADS_SHOWN = 500;

export const adminLeadListSchema = z.object({
  leads: z.array(adminLeadSchema),
  /** Every lead, also those beyond the ones listed. */
  total: z.number().int(),
});
export type AdminLeadList = z.infer<typeof adminLeadListSchema>;

export const leadParamsSchema = z.object({ leadId: idParam() });

export const deleteLeadResponseSchema = z.object({
  /** Consent records given with this request that were deleted with it (their tips stop). */
  consentsDeleted: z.number().int(),
});
export type DeleteLeadResponse = z.infer<typeof deleteLeadResponseSchema>;

export const ADMIN_LEADS_CSV_PATH = '/api/admin/leads.csv';
