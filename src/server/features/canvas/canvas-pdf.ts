/**
 * The brand canvas as a one-document PDF: brand name, date, completion, then the nine fields as the
 * user wrote them, with fields accepted from the coach marked as such. Made on the server so it
 * downloads and opens the same on a phone as on a desktop.
 */
import type { CanvasData } from '../../../core/workspace/canvas.ts';
import { canvasCompletion } from '../../../core/workspace/canvas-completion.ts';
import { CANVAS_FIELD_INFO } from '../../../core/workspace/canvas-fields.ts';
import type { FieldSources } from '../../../core/workspace/items.ts';
import {
  createPdf,
  PDF_COLOURS,
  PDF_FONTS,
  PDF_MARGIN,
  pdfBar,
  pdfByline,
  pdfDate,
  pdfHeading,
  pdfParagraph,
  pdfTitle,
} from '../../platform/pdf.ts';

export interface CanvasPdfInput {
  brandName: string;
  data: CanvasData;
  sources: FieldSources;
  /** When the canvas was last saved; null if never. */
  updatedAt: Date | null;
  generatedAt: Date;
}

export function renderCanvasPdf(input: CanvasPdfInput): Promise<Buffer> {
  const { data, sources } = input;
  const pdf = createPdf(`Brand canvas - ${input.brandName}`);
  const { doc, width } = pdf;
  const completion = canvasCompletion(data);

  pdfTitle(pdf, `${input.brandName}: brand canvas`);
  pdfByline(
    pdf,
    input.updatedAt
      ? `Last edited ${pdfDate(input.updatedAt)} · exported ${pdfDate(input.generatedAt)}`
      : `Exported ${pdfDate(input.generatedAt)}`,
  );
  doc.moveDown(0.8);

  pdfHeading(pdf, `${completion.percent}% complete (${completion.filled} of ${completion.total} fields)`, 12);
  const barTop = doc.y + 4;
  pdfBar(pdf, { x: PDF_MARGIN, y: barTop, width, share: completion.percent / 100 });
  doc.y = barTop + 22;

  for (const field of CANVAS_FIELD_INFO) {
    const value = data[field.key];
    const fromCoach = sources[field.key] === 'ai';
    doc.x = PDF_MARGIN;
    doc
      .fillColor(PDF_COLOURS.ink)
      .font(PDF_FONTS.bold)
      .fontSize(13)
      .text(field.label, { width, continued: fromCoach });
    if (fromCoach) {
      doc.fillColor(PDF_COLOURS.muted).font(PDF_FONTS.regular).fontSize(9).text('   suggested by the coach');
    }
    doc.moveDown(0.2);
    const text = Array.isArray(value) ? value.join(' · ') : value.trim();
    if (text) pdfParagraph(pdf, text, { size: 11 });
    else pdfParagraph(pdf, 'Not written yet.', { colour: PDF_COLOURS.muted, font: 'italic' });
    doc.moveDown(0.9);
  }

  if (completion.missing.length > 0) {
    doc.moveDown(0.4);
    pdfParagraph(
      pdf,
      'Fields still containing [placeholders] or left empty are not counted as complete. ' +
        'Finish them in the brand canvas, then export again.',
      { colour: PDF_COLOURS.muted, size: 9 },
    );
  }
  return pdf.finish();
}
