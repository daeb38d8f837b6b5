/**
 * Proposal cards in chat (docs/decisions/0038-coach-tools-and-proposals.md): the edits the coach
 * proposed in an answer, stored with it, and what the owner does with them. Accept writes the text
 * (or the owner's edit of it) as a normal versioned save of the item, marked as from the coach
 * (revision origin `coach`, field source `ai`) — only if the field still says what the coach read;
 * otherwise 409 with the field's text now, and nothing is written. Accepting twice saves once;
 * dismissing is recorded. Only the conversation's owner sees a proposal: anyone else gets 404.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import {
  type AcceptProposalBody,
  type ChatProposal,
  type ProposalConflictDetails,
  type ProposalDraft,
  proposalLocation,
  proposalSourceKey,
  proposalTextLimit,
  readProposalText,
  sameProposalText,
  writeProposalText,
} from '../../../core/coach/proposals.ts';
import type { WorkspaceItem } from '../../../core/workspace/items.ts';
import type { Database, Db } from '../../db/client.ts';
import { chatMessages, chatProposals, chatSessions } from '../../db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import type { WorkspaceStore } from '../../platform/workspace-store.ts';

type ProposalRow = typeof chatProposals.$inferSelect;

export function toChatProposal(row: ProposalRow): ChatProposal {
  return {
    id: row.id,
    target: row.target,
    label: row.label,
    currentText: row.currentText,
    proposedText: row.proposedText,
    reason: row.reason,
    baseVersion: row.baseVersion,
    status: row.status,
    acceptedText: row.acceptedText,
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
  };
}

/** Stores an answer's proposals, in its transaction, in the order the coach made them. */
export async function storeProposals(
  tx: Db,
  message: { id: string; userId: string; brandId: string },
  drafts: readonly (ProposalDraft & { baseVersion: number })[],
): Promise<ChatProposal[]> {
  if (drafts.length === 0) return [];
  const rows = await tx
    .insert(chatProposals)
    .values(
      drafts.map((draft, position) => ({
        messageId: message.id,
        userId: message.userId,
        brandId: message.brandId,
        position,
        target: draft.target,
        label: draft.label,
        currentText: draft.currentText,
        proposedText: draft.proposedText,
        reason: draft.reason,
        baseVersion: draft.baseVersion,
      })),
    )
    .returning();
  return rows.sort((a, b) => a.position - b.position).map(toChatProposal);
}

/** The proposals of some messages, by message id, each list in the order the coach made them. */
export async function proposalsOfMessages(
  db: Db,
  messageIds: readonly string[],
): Promise<Map<string, ChatProposal[]>> {
  const byMessage = new Map<string, ChatProposal[]>();
  if (messageIds.length === 0) return byMessage;
  const rows = await db
    .select()
    .from(chatProposals)
    .where(inArray(chatProposals.messageId, [...messageIds]))
    .orderBy(asc(chatProposals.messageId), asc(chatProposals.position));
  for (const row of rows) {
    byMessage.set(row.messageId, [...(byMessage.get(row.messageId) ?? []), toChatProposal(row)]);
  }
  return byMessage;
}

const notFound = () => new AppError(404, 'NOT_FOUND', 'There is no such proposal.');

function conflict(message: string, current: ProposalConflictDetails): AppError {
  return new AppError(409, 'CONFLICT', message, { current });
}

export function createChatProposalService(deps: {
  database: Database;
  workspace: Pick<WorkspaceStore, 'getSingleton' | 'getItem' | 'saveSingleton' | 'saveItem'>;
}) {
  const { db } = deps.database;
  const { workspace } = deps;

  /** The proposal, if it is in this message of one of the user's live conversations. */
  async function owned(userId: string, messageId: string, proposalId: string): Promise<ProposalRow> {
    const [row] = await db
      .select({ proposal: chatProposals })
      .from(chatProposals)
      .innerJoin(chatMessages, eq(chatMessages.id, chatProposals.messageId))
      .innerJoin(chatSessions, eq(chatSessions.id, chatMessages.sessionId))
      .where(
        and(
          eq(chatProposals.id, proposalId),
          eq(chatProposals.messageId, messageId),
          eq(chatProposals.userId, userId),
          eq(chatSessions.userId, userId),
          isNull(chatSessions.deletedAt),
        ),
      )
      .limit(1);
    // Someone else's proposal, one of a deleted conversation and a made-up id look the same.
    if (!row) throw notFound();
    return row.proposal;
  }

  /** The item the proposal writes to, as it is now; null when it no longer exists. */
  async function currentItem(userId: string, row: ProposalRow): Promise<WorkspaceItem | null> {
    const location = proposalLocation(row.target);
    try {
      if (location.kind !== 'avatar') return await workspace.getSingleton(userId, row.brandId, location.kind);
      const item = await workspace.getItem(userId, location.itemId);
      return item.kind === 'avatar' && item.brandId === row.brandId ? item : null;
    } catch (error) {
      // The brand or the avatar was deleted after the coach proposed.
      if (error instanceof AppError && error.statusCode === 404) return null;
      throw error;
    }
  }

  /** Marks the proposal resolved, unless another request resolved it first (then that one stands). */
  async function resolve(
    row: ProposalRow,
    fields: Pick<ProposalRow, 'status' | 'acceptedText' | 'savedVersion'>,
  ): Promise<ChatProposal> {
    const [updated] = await db
      .update(chatProposals)
      .set({ ...fields, resolvedAt: new Date() })
      .where(and(eq(chatProposals.id, row.id), eq(chatProposals.status, 'pending')))
      .returning();
    if (updated) return toChatProposal(updated);
    const [current] = await db.select().from(chatProposals).where(eq(chatProposals.id, row.id));
    if (!current) throw notFound();
    return toChatProposal(current);
  }

  async function accept(
    userId: string,
    messageId: string,
    proposalId: string,
    body: AcceptProposalBody,
  ): Promise<ChatProposal> {
    const row = await owned(userId, messageId, proposalId);
    // Accepting again answers with the first acceptance: one save, however often it is sent.
    if (row.status === 'accepted') return toChatProposal(row);
    if (row.status === 'dismissed') {
      throw new AppError(409, 'CONFLICT', 'This proposal was dismissed; ask the coach again for a new one.');
    }
    const text = (body.text ?? row.proposedText).trim();
    const limit = proposalTextLimit(row.target);
    if (text.length > limit) {
      throw new AppError(400, 'VALIDATION_FAILED', 'Some fields are missing or invalid.', {
        details: [{ path: 'body.text', message: `Keep this under ${limit.toLocaleString('en')} characters` }],
      });
    }
    const item = await currentItem(userId, row);
    if (!item) {
      throw conflict('What this proposal was for no longer exists, so nothing was saved.', {
        currentText: '',
        version: 0,
      });
    }
    const location = proposalLocation(row.target);
    const now = readProposalText(item.data, location.path);
    // The field says what the owner agreed to replace: what the coach read, or, after a conflict,
    // the newer text the card showed them.
    const expected = body.currentText ?? row.currentText;
    if (sameProposalText(now, text)) {
      return resolve(row, { status: 'accepted', acceptedText: text, savedVersion: null });
    }
    if (!sameProposalText(now, expected)) {
      throw conflict(
        'This field changed after the coach proposed the edit. Nothing was saved; the field’s text now is attached.',
        { currentText: now, version: item.version },
      );
    }
    const save = {
      baseVersion: item.version,
      data: writeProposalText(item.data, location.path, text),
      // Marked as from the coach, as an accepted canvas suggestion is, until the owner changes it.
      sources: { ...item.sources, [proposalSourceKey(row.target)]: 'ai' as const },
    };
    let saved: WorkspaceItem;
    try {
      saved =
        location.kind === 'avatar'
          ? (await workspace.saveItem(userId, location.itemId, save, 'coach')).item
          : (await workspace.saveSingleton(userId, row.brandId, location.kind, save, 'coach')).item;
    } catch (error) {
      if (error instanceof AppError && error.statusCode === 409) {
        // Another save changed the same field between our read and our write: it stands.
        const after = await currentItem(userId, row);
        const textAfter = after ? readProposalText(after.data, location.path) : '';
        if (after && sameProposalText(textAfter, text)) {
          return resolve(row, { status: 'accepted', acceptedText: text, savedVersion: null });
        }
        throw conflict(
          'This field changed while the proposal was being saved. Nothing was overwritten; the field’s text now is attached.',
          { currentText: textAfter, version: after?.version ?? 0 },
        );
      }
      throw error;
    }
    return resolve(row, { status: 'accepted', acceptedText: text, savedVersion: saved.version });
  }

  async function dismiss(userId: string, messageId: string, proposalId: string): Promise<ChatProposal> {
    const row = await owned(userId, messageId, proposalId);
    if (row.status === 'dismissed') return toChatProposal(row);
    if (row.status === 'accepted') {
      throw new AppError(
        409,
        'CONFLICT',
        'This proposal was already accepted; change the field itself, or restore an earlier version from its history.',
      );
    }
    return resolve(row, { status: 'dismissed', acceptedText: null, savedVersion: null });
  }

  return { accept, dismiss };
}
export type ChatProposalService = ReturnType<typeof createChatProposalService>;
