/**
 * Avatar-specific server work on top of the workspace items: importing reviews for the
 * voice-of-customer analysis and rendering an avatar's PDF report. Ownership is checked through the
 * workspace service, so someone else's avatar is a 404 like everywhere else.
 */
import { avatarDataSchema } from '../../../core/workspace/avatar.ts';
import type { ReviewImport, ReviewImportBody } from '../../../core/workspace/avatar-contracts.ts';
import type { ExportDocumentSource } from '../../platform/data-lifecycle/registry.ts';
import { AppError } from '../../platform/errors.ts';
import { fileSlug } from '../../platform/pdf.ts';
import type { WorkspaceStore } from '../../platform/workspace-store.ts';
import { avatarPdfFileName, renderAvatarReport } from './report-pdf.ts';
import { importReviews } from './review-import.ts';

export function createAvatarService(deps: { workspace: WorkspaceStore; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());

  return {
    importReviews(body: ReviewImportBody): ReviewImport {
      return importReviews(body);
    },

    async reportPdf(userId: string, itemId: string): Promise<{ fileName: string; pdf: Buffer }> {
      const item = await deps.workspace.getItem(userId, itemId);
      if (item.kind !== 'avatar') throw new AppError(404, 'NOT_FOUND', 'There is no avatar with this id.');
      // Stored data was validated on save; parsing again fills defaults added since it was written.
      const data = avatarDataSchema.parse(item.data);
      const brand = await deps.workspace.requireBrand(userId, item.brandId);
      const pdf = await renderAvatarReport(data, { brandName: brand.name, now: now() });
      return { fileName: avatarPdfFileName(data.name), pdf };
    },
  };
}

export type AvatarService = ReturnType<typeof createAvatarService>;

/** The account export's copy of every avatar, as the PDF report the user can download. */
export function avatarPdfDocuments(workspace: WorkspaceStore, avatars: AvatarService): ExportDocumentSource {
  return {
    name: 'avatar-reports',
    description: 'the PDF report of each customer avatar in each of your brands',
    async list(userId) {
      const documents = [];
      for (const brand of await workspace.listBrands(userId)) {
        for (const item of await workspace.listCollection(userId, brand.id, 'avatar')) {
          const { id } = item;
          if (id === null) continue;
          const name = avatarDataSchema.safeParse(item.data);
          // The id keeps two avatars of the same name (say, a duplicate) apart in the archive.
          const slug = fileSlug(name.success ? name.data.name : '', 'avatar');
          documents.push({
            fileName: `avatar-${fileSlug(brand.name, 'brand', 30)}-${slug}-${id.slice(0, 8)}.pdf`,
            compressed: true,
            // Rendered through the same owner check as the download link.
            content: async () => (await avatars.reportPdf(userId, id)).pdf,
          });
        }
      }
      return documents;
    },
  };
}
