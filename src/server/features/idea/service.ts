/**
 * Insight snapshots: submitting the Insight module freezes a copy of the brand's saved worksheet and
 * trigger-assessment result; the owner can list them, download each as a PDF and email it to their
 * own verified address. Brand ownership and the worksheet itself come from the workspace service:
 * this feature never reads the workspace tables directly.
 */
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { SessionUser } from '../../../core/auth/contracts.ts';
import { PAGE_PATHS } from '../../../core/navigation/pages.ts';
import {
  type InsightSnapshot,
  type InsightSnapshotData,
  insightSnapshotDataSchema,
  SNAPSHOTS_LISTED,
} from '../../../core/workspace/insight-snapshot.ts';
import { insightDataSchema, triggerAssessmentDataSchema } from '../../../core/workspace/modules.ts';
import { answeredCount, rankTriggers } from '../../../core/workspace/trigger-assessment.ts';
import type { AppConfig } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import { insightSnapshots } from '../../db/schema.ts';
import type { ExportDocumentSource } from '../../platform/data-lifecycle/registry.ts';
import { AppError } from '../../platform/errors.ts';
import { type Mailer, renderActionEmail } from '../../platform/mailer.ts';
import { fileSlug } from '../../platform/pdf.ts';
import type { Throttle } from '../../platform/throttle.ts';
import { renderInsightSnapshot } from './snapshot-pdf.ts';

const HOUR = 60 * 60;
/** Snapshots per user per hour: generous for real use, a ceiling for a script filling the table. */
const SNAPSHOTS_PER_HOUR = 30;
/** Snapshot emails per user per hour: each one is a PDF in the user's own inbox. */
export const SNAPSHOT_EMAILS_PER_HOUR = 5;

/** What this feature needs from the workspace: brand ownership and the two saved items. */
export interface IdeaWorkspaceAccess {
  requireBrand(userId: string, brandId: string): Promise<{ id: string; name: string }>;
  listBrands(userId: string): Promise<{ id: string }[]>;
  getSingleton(
    userId: string,
    brandId: string,
    kind: 'insight' | 'trigger-assessment',
  ): Promise<{ data: Record<string, unknown> }>;
}

export interface IdeaServiceDeps {
  database: Database;
  workspace: IdeaWorkspaceAccess;
  throttle: Throttle;
  mailer: Mailer;
  config: AppConfig;
}

type SnapshotRow = typeof insightSnapshots.$inferSelect;

/** Stored snapshots are read through today's schema, so fields added since get their defaults. */
function dataOf(row: SnapshotRow): InsightSnapshotData {
  return insightSnapshotDataSchema.parse(row.data);
}

function toDto(row: SnapshotRow): InsightSnapshot {
  return { id: row.id, brandId: row.brandId, createdAt: row.createdAt.toISOString(), data: dataOf(row) };
}

/** A file name people recognise in their downloads: brand and date, ASCII only; `id` makes it unique. */
export function snapshotFileName(brandName: string, takenAt: Date, id?: string): string {
  const parts = ['insight-snapshot', fileSlug(brandName, 'brand', 40), takenAt.toISOString().slice(0, 10)];
  if (id) parts.push(id.slice(0, 8));
  return `${parts.join('-')}.pdf`;
}

export function createIdeaService({ database, workspace, throttle, mailer, config }: IdeaServiceDeps) {
  const { db } = database;

  async function findOwned(userId: string, snapshotId: string): Promise<SnapshotRow> {
    const [row] = await db
      .select()
      .from(insightSnapshots)
      .where(
        and(
          eq(insightSnapshots.id, snapshotId),
          eq(insightSnapshots.userId, userId),
          isNull(insightSnapshots.deletedAt),
        ),
      )
      .limit(1);
    // Someone else's snapshot and a missing one look the same.
    if (!row) throw new AppError(404, 'NOT_FOUND', 'No Insight snapshot with this id belongs to you.');
    // A deleted brand takes its snapshots out of reach with it (its own 404).
    await workspace.requireBrand(userId, row.brandId);
    return row;
  }

  async function pdfOf(row: SnapshotRow): Promise<{ pdf: Buffer; fileName: string }> {
    const pdf = await renderInsightSnapshot({ data: dataOf(row), takenAt: row.createdAt });
    return { pdf, fileName: snapshotFileName(row.data.brandName, row.createdAt) };
  }

  return {
    /** Freezes the brand's saved Insight worksheet and assessment into a new snapshot. */
    async create(userId: string, brandId: string): Promise<InsightSnapshot> {
      const brand = await workspace.requireBrand(userId, brandId);
      const [insightItem, assessmentItem] = await Promise.all([
        workspace.getSingleton(userId, brandId, 'insight'),
        workspace.getSingleton(userId, brandId, 'trigger-assessment'),
      ]);
      // Stored items were validated on save; parsing again fills defaults added since then.
      const insight = insightDataSchema.parse(insightItem.data);
      const { answers } = triggerAssessmentDataSchema.parse(assessmentItem.data);
      const answered = answeredCount(answers);
      const hasWorksheet =
        [
          insight.buyerIntent,
          insight.buyerMotivation,
          insight.triggerNotes,
          insight.shopperNotes,
          insight.demographics,
        ].some((text) => text.trim().length > 0) ||
        insight.emotionalTriggers.length > 0 ||
        insight.shopperType !== null;
      if (!hasWorksheet && answered === 0) {
        throw new AppError(
          400,
          'VALIDATION_FAILED',
          'The Insight worksheet is empty. Answer at least one step (or the trigger assessment) before submitting.',
        );
      }
      await throttle.enforce(
        { name: 'idea:snapshot:user', max: SNAPSHOTS_PER_HOUR, windowSeconds: HOUR },
        userId,
        'You have submitted many snapshots in the last hour. Please try again later.',
      );
      const data: InsightSnapshotData = {
        brandName: brand.name,
        insight,
        assessment: { answers, answered, ranking: rankTriggers(answers) },
      };
      const [row] = await db.insert(insightSnapshots).values({ userId, brandId, data }).returning();
      if (!row) throw new Error('insert returned no row');
      return toDto(row);
    },

    async list(userId: string, brandId: string): Promise<InsightSnapshot[]> {
      await workspace.requireBrand(userId, brandId);
      const rows = await db
        .select()
        .from(insightSnapshots)
        .where(
          and(
            eq(insightSnapshots.brandId, brandId),
            eq(insightSnapshots.userId, userId),
            isNull(insightSnapshots.deletedAt),
          ),
        )
        .orderBy(desc(insightSnapshots.createdAt))
        .limit(SNAPSHOTS_LISTED);
      return rows.map(toDto);
    },

    async pdf(userId: string, snapshotId: string): Promise<{ pdf: Buffer; fileName: string }> {
      return pdfOf(await findOwned(userId, snapshotId));
    },

    /**
     * The account export's copy of every snapshot the user can still download (a deleted brand's
     * snapshots are out of reach, as they are for the download link), oldest first.
     */
    exportDocuments(): ExportDocumentSource {
      return {
        name: 'insight-snapshots',
        description: 'each Insight snapshot you submitted, as a PDF',
        async list(userId) {
          const brandIds = new Set((await workspace.listBrands(userId)).map((brand) => brand.id));
          const rows = await db
            .select()
            .from(insightSnapshots)
            .where(and(eq(insightSnapshots.userId, userId), isNull(insightSnapshots.deletedAt)))
            .orderBy(asc(insightSnapshots.createdAt), asc(insightSnapshots.id));
          return rows
            .filter((row) => brandIds.has(row.brandId))
            .map((row) => ({
              // Several snapshots a day are allowed: the id keeps their names apart.
              fileName: snapshotFileName(row.data.brandName, row.createdAt, row.id),
              compressed: true,
              content: async () => (await pdfOf(row)).pdf,
            }));
        },
      };
    },

    /**
     * Emails the snapshot PDF to the signed-in user's own address, and only once that address is
     * verified: the recipient never comes from the request, so this cannot be used to send mail to
     * anyone else.
     */
    async email(user: SessionUser, snapshotId: string): Promise<{ sentTo: string }> {
      const row = await findOwned(user.id, snapshotId);
      if (!user.emailVerified) {
        throw new AppError(
          403,
          'FORBIDDEN',
          'Please verify your email address first. We only send snapshots to a verified address.',
        );
      }
      await throttle.enforce(
        { name: 'idea:snapshot-email:user', max: SNAPSHOT_EMAILS_PER_HOUR, windowSeconds: HOUR },
        user.id,
        'You have emailed several snapshots in the last hour. Please try again later.',
      );
      const { pdf, fileName } = await pdfOf(row);
      await mailer.send({
        ...renderActionEmail({
          to: user.email,
          subject: `Your Insight snapshot for ${row.data.brandName}`,
          greetingName: user.name,
          intro: `Your Insight snapshot for ${row.data.brandName} is attached: your answers to the five Insight steps and your emotional-trigger assessment, as you submitted them.`,
          actionLabel: 'Keep working on Insight',
          actionUrl: new URL(PAGE_PATHS.insightModule, config.publicUrl).toString(),
          outro: 'You receive this email because you asked for a copy of your snapshot on IDEA Brand Coach.',
        }),
        attachments: [{ filename: fileName, content: pdf, contentType: 'application/pdf' }],
      });
      return { sentTo: user.email };
    },
  };
}

export type IdeaService = ReturnType<typeof createIdeaService>;
