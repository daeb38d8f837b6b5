/**
 * An Insight snapshot as a PDF: the five worksheet steps as the user wrote them, then the
 * trigger-assessment result as ranked bars. Made on the server so it opens on any phone and can be
 * attached to an email.
 */
import type { InsightSnapshotData } from '../../../core/workspace/insight-snapshot.ts';
import { INSIGHT_STEPS, SHOPPER_TYPE_LABELS } from '../../../core/workspace/insight-worksheet.ts';
import { TRIGGER_ASSESSMENT_QUESTIONS, TRIGGER_LABELS } from '../../../core/workspace/trigger-assessment.ts';
import {
  createPdf,
  PDF_COLOURS,
  PDF_FONTS,
  PDF_MARGIN,
  pdfBar,
  pdfDate,
  pdfHeading,
  pdfParagraph,
  pdfTitle,
} from '../../platform/pdf.ts';

export interface SnapshotPdfInput {
  data: InsightSnapshotData;
  takenAt: Date;
}

export function renderInsightSnapshot({ data, takenAt }: SnapshotPdfInput): Promise<Buffer> {
  const pdf = createPdf(`Insight snapshot - ${data.brandName}`);
  const { doc, width } = pdf;

  pdfTitle(pdf, 'Insight snapshot');
  doc.moveDown(0.2);
  pdfParagraph(pdf, data.brandName, { colour: PDF_COLOURS.muted, size: 12 });
  pdfParagraph(pdf, `Submitted on ${pdfDate(takenAt)}`, { colour: PDF_COLOURS.muted });
  doc.moveDown(1);

  const { insight } = data;
  const answers: Record<(typeof INSIGHT_STEPS)[number]['id'], string[]> = {
    'buyer-intent': [insight.buyerIntent],
    'buyer-motivation': [insight.buyerMotivation],
    'emotional-triggers': [
      insight.emotionalTriggers.length > 0
        ? `Chosen: ${insight.emotionalTriggers.map((trigger) => TRIGGER_LABELS[trigger]).join(', ')}`
        : '',
      insight.triggerNotes,
    ],
    'shopper-type': [
      insight.shopperType ? SHOPPER_TYPE_LABELS[insight.shopperType] : '',
      insight.shopperNotes,
    ],
    demographics: [insight.demographics],
  };

  INSIGHT_STEPS.forEach((step, index) => {
    pdfHeading(pdf, `${index + 1}. ${step.title}`, 13);
    doc.moveDown(0.2);
    pdfParagraph(pdf, step.prompt, { colour: PDF_COLOURS.muted, size: 9, font: 'italic' });
    doc.moveDown(0.3);
    const paragraphs = answers[step.id].map((text) => text.trim()).filter(Boolean);
    if (paragraphs.length === 0) {
      pdfParagraph(pdf, 'Not answered yet.', { colour: PDF_COLOURS.muted });
    } else {
      for (const paragraph of paragraphs) {
        pdfParagraph(pdf, paragraph, { size: 10.5 });
        doc.moveDown(0.3);
      }
    }
    doc.moveDown(0.8);
  });

  pdfHeading(pdf, 'Emotional-trigger assessment');
  doc.moveDown(0.3);
  const { assessment } = data;
  if (assessment.answered === 0) {
    pdfParagraph(pdf, 'The assessment was not taken.', { colour: PDF_COLOURS.muted });
  } else {
    pdfParagraph(
      pdf,
      `Based on ${assessment.answered} of ${TRIGGER_ASSESSMENT_QUESTIONS.length} questions. Each answer points to two triggers; the share is each trigger's part of all points.`,
      { colour: PDF_COLOURS.muted },
    );
    doc.moveDown(0.6);
    const labelWidth = 110;
    const barWidth = width - labelWidth - 50;
    for (const entry of assessment.ranking) {
      const percent = Math.round(entry.share * 100);
      const top = doc.y;
      doc
        .fillColor(PDF_COLOURS.ink)
        .font(PDF_FONTS.regular)
        .fontSize(10.5)
        .text(TRIGGER_LABELS[entry.trigger], PDF_MARGIN, top, { width: labelWidth });
      pdfBar(pdf, { x: PDF_MARGIN + labelWidth, y: top + 2, width: barWidth, share: entry.share, height: 9 });
      doc.text(`${percent}%`, PDF_MARGIN + labelWidth + barWidth + 8, top, { width: 42 });
      doc.x = PDF_MARGIN;
      doc.y = top + 18;
    }
  }

  doc.moveDown(1.2);
  doc.x = PDF_MARGIN;
  pdfParagraph(
    pdf,
    'A snapshot is a copy of your Insight worksheet at the moment you submitted it. Keep working in IDEA Brand Coach and submit again to compare.',
    { colour: PDF_COLOURS.muted, size: 9 },
  );
  return pdf.finish();
}
