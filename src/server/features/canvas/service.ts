/**
 * Brand canvas features beyond plain storage (which the workspace service owns): the PDF export.
 * Ownership goes through the workspace service, so another user's brand is a 404 here too.
 */
import { type CanvasData, canvasDataSchema } from '../../../core/workspace/canvas.ts';
import type { ExportDocumentSource } from '../../platform/data-lifecycle/registry.ts';
import { fileSlug } from '../../platform/pdf.ts';
import type { WorkspaceStore } from '../../platform/workspace-store.ts';
import { renderCanvasPdf } from './canvas-pdf.ts';

export function createCanvasService(deps: { workspace: WorkspaceStore }) {
  return {
    async pdf(userId: string, brandId: string): Promise<{ pdf: Buffer; fileName: string }> {
      const brand = await deps.workspace.requireBrand(userId, brandId);
      const item = await deps.workspace.getSingleton(userId, brandId, 'canvas');
      // Stored data was validated on save; parsing again fills defaults added to the schema since.
      const parsed = canvasDataSchema.safeParse(item.data);
      const data: CanvasData = parsed.success ? parsed.data : canvasDataSchema.parse({});
      const pdf = await renderCanvasPdf({
        brandName: brand.name,
        data,
        sources: item.sources,
        updatedAt: item.updatedAt ? new Date(item.updatedAt) : null,
        generatedAt: new Date(),
      });
      return { pdf, fileName: `${fileSlug(brand.name, 'brand')}-brand-canvas.pdf` };
    },
  };
}
export type CanvasService = ReturnType<typeof createCanvasService>;

/** The account export's copy of each brand's canvas, as the PDF the user can download. */
export function canvasPdfDocuments(workspace: WorkspaceStore, canvas: CanvasService): ExportDocumentSource {
  return {
    name: 'brand-canvases',
    description: 'the brand canvas of each of your brands, as a PDF',
    async list(userId) {
      const documents = [];
      for (const brand of await workspace.listBrands(userId)) {
        // A canvas never saved has nothing of the user's in it.
        if ((await workspace.getSingleton(userId, brand.id, 'canvas')).id === null) continue;
        documents.push({
          fileName: `${fileSlug(brand.name, 'brand')}-${brand.id.slice(0, 8)}-brand-canvas.pdf`,
          compressed: true,
          content: async () => (await canvas.pdf(userId, brand.id)).pdf,
        });
      }
      return documents;
    },
  };
}
