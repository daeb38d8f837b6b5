/**
 * A review run as a PDF report: how the reviews lean, the themes with pros and cons quoted verbatim,
 * the month trend, reviews whose stars and words disagree, key phrases and triggers. Laid out on the
 * shared PDF helpers (platform/pdf.ts), so it prints like the canvas and avatar reports.
 */
import { TRIGGER_KNOWLEDGE } from '../../../core/ai/knowledge.ts';
import type { ReviewRun } from '../../../core/research-reviews/contracts.ts';
import { formatCount } from '../../../core/research-reviews/limits.ts';
import {
  createPdf,
  fileSlug,
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

const LABEL_COLOURS = {
  positive: '#15803d',
  mixed: '#b45309',
  neutral: '#6b7280',
  negative: '#b91c1c',
} as const;

export function reviewRunPdfFileName(run: Pick<ReviewRun, 'name' | 'createdAt' | 'id'>): string {
  return `reviews-${fileSlug(run.name, 'run', 40)}-${run.createdAt.slice(0, 10)}-${run.id.slice(0, 8)}.pdf`;
}

export function renderReviewRunPdf(
  run: ReviewRun,
  options: { brandName: string; now: Date },
): Promise<Buffer> {
  const pdf = createPdf(`Review analysis: ${run.name}`);
  const { doc, width } = pdf;
  const { result } = run;
  const heading = (text: string) => {
    doc.moveDown(0.9);
    pdfHeading(pdf, text);
    doc.moveDown(0.3);
  };
  const quote = (text: string, colour: string) => {
    doc.x = PDF_MARGIN + 12;
    doc
      .fillColor(colour)
      .font(PDF_FONTS.italic)
      .fontSize(9.5)
      .text(`“${text}”`, { width: width - 12 });
    doc.x = PDF_MARGIN;
  };

  pdfTitle(pdf, `Review analysis: ${run.name}`);
  pdfByline(
    pdf,
    `${options.brandName} · ${formatCount(run.reviewCount)} reviews · analysed ${pdfDate(new Date(run.createdAt))} · printed ${pdfDate(options.now)}`,
  );

  heading('How the reviews lean');
  for (const label of ['positive', 'mixed', 'negative', 'neutral'] as const) {
    const count = result.counts[label];
    const y = doc.y;
    pdfParagraph(pdf, `${label[0]?.toUpperCase()}${label.slice(1)}: ${formatCount(count)}`, { size: 10 });
    pdfBar(pdf, {
      x: PDF_MARGIN + 170,
      y: y + 2,
      width: width - 170,
      share: run.reviewCount > 0 ? count / run.reviewCount : 0,
      colour: LABEL_COLOURS[label],
    });
  }
  if (result.averageRating !== null)
    pdfParagraph(pdf, `Average rating: ${result.averageRating} of 5 (${formatCount(result.rated)} rated).`, {
      colour: PDF_COLOURS.muted,
    });

  heading('Themes');
  if (result.themes.length === 0) pdfParagraph(pdf, 'No theme was mentioned in more than one review.');
  for (const theme of result.themes.slice(0, 12)) {
    doc.moveDown(0.4);
    pdfHeading(pdf, `${theme.label} — ${formatCount(theme.mentions)} reviews`, 11);
    pdfParagraph(
      pdf,
      `${formatCount(theme.positive)} praise, ${formatCount(theme.negative)} complain, ${formatCount(theme.neutral)} neither.`,
      { colour: PDF_COLOURS.muted, size: 9 },
    );
    for (const pro of theme.pros.slice(0, 2)) quote(pro.text, LABEL_COLOURS.positive);
    for (const con of theme.cons.slice(0, 2)) quote(con.text, LABEL_COLOURS.negative);
  }

  if (result.trend.length > 0) {
    heading('Sentiment by month');
    for (const month of result.trend)
      pdfParagraph(
        pdf,
        `${month.month}: ${formatCount(month.count)} reviews — ${month.positive} positive, ${month.mixed} mixed, ${month.negative} negative, ${month.neutral} neutral`,
      );
    if (result.undated > 0)
      pdfParagraph(pdf, `${formatCount(result.undated)} reviews have no readable date.`, {
        colour: PDF_COLOURS.muted,
        size: 9,
      });
  }

  if (result.mismatchCount > 0) {
    heading(`Stars and words disagree (${formatCount(result.mismatchCount)})`);
    for (const mismatch of result.mismatches.slice(0, 10)) {
      pdfParagraph(pdf, `${mismatch.rating} stars, but the text reads ${mismatch.label}:`, {
        size: 9,
        font: 'bold',
      });
      quote(mismatch.text, PDF_COLOURS.ink);
    }
  }

  if (result.keyPhrases.length > 0) {
    heading('Key phrases');
    pdfParagraph(
      pdf,
      result.keyPhrases
        .slice(0, 20)
        .map((phrase) => `${phrase.phrase} (${phrase.count})`)
        .join(' · '),
    );
  }

  if (result.triggers.length > 0) {
    heading('Emotional triggers');
    for (const trigger of result.triggers) {
      pdfParagraph(
        pdf,
        `${TRIGGER_KNOWLEDGE[trigger.trigger].label}: ${formatCount(trigger.mentions)} reviews`,
        {
          font: 'bold',
        },
      );
      const first = trigger.quotes[0];
      if (first) quote(first.text, PDF_COLOURS.ink);
    }
  }

  if (run.notes.length > 0) {
    heading('Notes');
    for (const note of run.notes) pdfParagraph(pdf, note, { colour: PDF_COLOURS.muted, size: 9 });
  }
  return pdf.finish();
}
