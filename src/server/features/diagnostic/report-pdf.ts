/**
 * The diagnostic report as a PDF: title, date, questionnaire version, overall score and band, a bar
 * per dimension with its band and explanation, and the recommended actions. Works on any device and
 * can be attached to an email.
 */
import { guidanceFor } from '../../../core/diagnostic/guidance.ts';
import { DIMENSION_LABELS, DIMENSIONS } from '../../../core/diagnostic/questionnaire.ts';
import { BAND_LABELS, type DiagnosticScores, focusDimensions } from '../../../core/diagnostic/scoring.ts';
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

const BAND_COLOURS = {
  strong: '#15803d',
  good: '#2563eb',
  developing: '#b45309',
  'needs-attention': '#b91c1c',
} as const;

/** The report's name as a download and as an email attachment. */
export const DIAGNOSTIC_REPORT_FILE_NAME = 'idea-brand-diagnostic.pdf';

export interface ReportInput {
  scores: DiagnosticScores;
  questionnaireVersion: number;
  takenAt: Date;
}

export function renderDiagnosticReport({
  scores,
  questionnaireVersion,
  takenAt,
}: ReportInput): Promise<Buffer> {
  const pdf = createPdf('IDEA Brand Diagnostic report');
  const { doc, width } = pdf;

  pdfTitle(pdf, 'IDEA Brand Diagnostic report');
  pdfByline(pdf, `Taken on ${pdfDate(takenAt)} · Questionnaire version ${questionnaireVersion}`);
  doc.moveDown(1.2);

  pdfHeading(pdf, `Overall score: ${scores.overall} / 100`, 16);
  doc
    .font(PDF_FONTS.regular)
    .fontSize(12)
    .fillColor(BAND_COLOURS[scores.overallBand])
    .text(`Band: ${BAND_LABELS[scores.overallBand]}`);
  doc.moveDown(1);

  for (const dimension of DIMENSIONS) {
    const { score, band } = scores.dimensions[dimension];
    pdfHeading(pdf, `${DIMENSION_LABELS[dimension]}: ${score} / 100 (${BAND_LABELS[band]})`, 12);
    const barTop = doc.y + 4;
    pdfBar(pdf, { x: PDF_MARGIN, y: barTop, width, share: score / 100, colour: BAND_COLOURS[band] });
    doc.y = barTop + 14;
    pdfParagraph(pdf, guidanceFor(dimension, band).explanation, { colour: PDF_COLOURS.muted });
    doc.moveDown(0.8);
  }

  doc.moveDown(0.4);
  pdfHeading(pdf, 'What to do next');
  doc.moveDown(0.4);
  for (const { dimension, band } of focusDimensions(scores)) {
    pdfHeading(pdf, DIMENSION_LABELS[dimension], 11);
    for (const action of guidanceFor(dimension, band).actions) {
      doc
        .fillColor(PDF_COLOURS.ink)
        .font(PDF_FONTS.regular)
        .fontSize(10)
        .text(`• ${action.text}`, { width, indent: 8 });
    }
    doc.moveDown(0.6);
  }

  doc.moveDown(1);
  pdfParagraph(
    pdf,
    'Scores run from 0 to 100 per dimension: Strong 80+, Good 60–79, Developing 40–59, Needs attention below 40. ' +
      'Retake the diagnostic after working on your weakest dimension to see your progress.',
    { colour: PDF_COLOURS.muted, size: 9 },
  );
  return pdf.finish();
}
