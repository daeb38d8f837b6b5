import { brandApiPath } from '../../kit/workspace/brand.ts';
import { downloadFile } from '../../lib/api-client.ts';

/** Where the brand canvas PDF downloads from (owner only). */
function canvasPdfUrl(brandId: string): string {
  return `${brandApiPath(brandId)}/canvas/pdf`;
}

export const canvasApi = {
  downloadCanvasPdf: (brandId: string) => downloadFile(canvasPdfUrl(brandId)),
};
