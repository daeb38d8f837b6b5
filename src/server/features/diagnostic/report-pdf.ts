/**
 * The diagnostic report as a PDF (pdfkit): title, date, questionnaire version, overall score and band,
 * a bar per dimension with its band and explanation, and the recommended actions. Works on any device
 * and can be attached to an email.
 */
import PDFDocument from 'pdfkit';
import { guidanceFor } from '../../../core/diagnostic/guidance.ts';
import { DIMENSION_LABELS, DIMENSIONS } from '../../../core/diagnostic/questionnaire.ts';
import { BAND_LABELS, type DiagnosticScores, focusDimensions } from '../../../core/diagnostic/scoring.ts';

const INK = '#1f2937';
const MUTED = '#4b5563';
const TRACK = '#e5e7eb';
const BAND_COLOURS = {
  strong: '#15803d',
  good: '#2563eb',
  developing: '#b45309',
  'needs-attention': '#b91c1c',
} as const;

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
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: 'IDEA Brand Diagnostic report', Author: 'IDEA Brand Coach' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - 112;
  const date = takenAt.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

  doc.fillColor(INK).font('Helvetica-Bold').fontSize(22).text('IDEA Brand Diagnostic report');
  doc.moveDown(0.3).font('Helvetica').fontSize(10).fillColor(MUTED);
  doc.text(`Taken on ${date} · Questionnaire version ${questionnaireVersion}`);
  doc.moveDown(1.2);

  doc.fillColor(INK).font('Helvetica-Bold').fontSize(16).text(`Overall score: ${scores.overall} / 100`);
  doc
    .font('Helvetica')
    .fontSize(12)
    .fillColor(BAND_COLOURS[scores.overallBand])
    .text(`Band: ${BAND_LABELS[scores.overallBand]}`);
  doc.moveDown(1);

  for (const dimension of DIMENSIONS) {
    const { score, band } = scores.dimensions[dimension];
    doc
      .fillColor(INK)
      .font('Helvetica-Bold')
      .fontSize(12)
      .text(`${DIMENSION_LABELS[dimension]}: ${score} / 100 (${BAND_LABELS[band]})`);
    const barTop = doc.y + 4;
    doc.rect(56, barTop, width, 8).fill(TRACK);
    if (score > 0) doc.rect(56, barTop, (width * score) / 100, 8).fill(BAND_COLOURS[band]);
    doc.y = barTop + 14;
    doc
      .fillColor(MUTED)
      .font('Helvetica')
      .fontSize(10)
      .text(guidanceFor(dimension, band).explanation, { width });
    doc.moveDown(0.8);
  }

  doc.moveDown(0.4).fillColor(INK).font('Helvetica-Bold').fontSize(14).text('What to do next');
  doc.moveDown(0.4);
  for (const { dimension, band } of focusDimensions(scores)) {
    doc.fillColor(INK).font('Helvetica-Bold').fontSize(11).text(DIMENSION_LABELS[dimension]);
    for (const action of guidanceFor(dimension, band).actions) {
      doc.fillColor(INK).font('Helvetica').fontSize(10).text(`• ${action.text}`, { width, indent: 8 });
    }
    doc.moveDown(0.6);
  }

  doc.moveDown(1).fillColor(MUTED).fontSize(9);
  doc.text(
    'Scores run from 0 to 100 per dimension: Strong 80+, Good 60–79, Developing 40–59, Needs attention below 40. ' +
      'Retake the diagnostic after working on your weakest dimension to see your progress.',
    { width },
  );
  doc.end();
  return done;
}
