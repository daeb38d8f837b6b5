/**
 * The avatar report as a PDF: who the avatar is, their psychology and buying behaviour, and
 * the voice-of-customer analysis with its verbatim quotes. Built on the server so it opens the same
 * on a phone as on a desktop.
 */
import { TRIGGER_KNOWLEDGE } from '../../../core/ai/knowledge.ts';
import { countOf } from '../../../core/text/plural.ts';
import type { AvatarData } from '../../../core/workspace/avatar.ts';
import {
  AGE_BAND_LABELS,
  BUYER_INTENT_LABELS,
  INCOME_BAND_LABELS,
  LOCATION_TYPE_LABELS,
  PRICE_SENSITIVITY_LABELS,
  SHOPPER_TYPE_LABELS,
} from '../../../core/workspace/avatar-profile.ts';
import {
  createPdf,
  fileSlug,
  PDF_COLOURS,
  PDF_FONTS,
  PDF_MARGIN,
  pdfByline,
  pdfDate,
  pdfHeading,
  pdfParagraph,
  pdfTitle,
  printable,
} from '../../platform/pdf.ts';

const SENTIMENT_COLOURS = { positive: '#15803d', neutral: '#6b7280', negative: '#b91c1c' } as const;

/** A file name from the avatar's name: lower-case ASCII words joined by hyphens. */
export function avatarPdfFileName(name: string): string {
  return `avatar-${fileSlug(name, 'report')}.pdf`;
}

export function renderAvatarReport(
  data: AvatarData,
  options: { brandName: string; now: Date },
): Promise<Buffer> {
  const pdf = createPdf(`Customer avatar: ${data.name}`);
  const { doc, width } = pdf;
  const { ink, muted } = PDF_COLOURS;

  const heading = (text: string) => {
    doc.moveDown(0.9);
    pdfHeading(pdf, text);
    doc.moveDown(0.3);
  };
  const subheading = (text: string) => {
    doc.moveDown(0.5);
    pdfHeading(pdf, text, 11);
  };
  const field = (label: string, value: string | null) => {
    doc.fillColor(muted).font(PDF_FONTS.bold).fontSize(10).text(`${label}: `, { continued: true, width });
    doc
      .fillColor(ink)
      .font(PDF_FONTS.regular)
      .text(printable(value?.trim() ? value : 'Not set'));
  };
  const list = (label: string, values: readonly string[]) =>
    field(label, values.length > 0 ? values.join(', ') : null);
  const paragraph = (text: string, colour: string = ink) => pdfParagraph(pdf, text, { colour });

  pdfTitle(pdf, data.name);
  pdfByline(pdf, `Customer avatar for ${options.brandName} · ${pdfDate(options.now)}`);

  const { demographics, psychology, buying, voice } = data;
  heading('Demographics');
  field('Age', demographics.ageBand ? AGE_BAND_LABELS[demographics.ageBand] : null);
  field('Income', demographics.incomeBand ? INCOME_BAND_LABELS[demographics.incomeBand] : null);
  field('Location', demographics.locationType ? LOCATION_TYPE_LABELS[demographics.locationType] : null);
  field('Occupation', demographics.occupation);
  field('Lifestyle', demographics.lifestyle);

  heading('Psychology');
  list('Values', psychology.values);
  list('Fears', psychology.fears);
  list('Desires', psychology.desires);
  list(
    'Emotional triggers',
    psychology.triggers.map((trigger) => TRIGGER_KNOWLEDGE[trigger].label),
  );

  heading('Buying behaviour');
  field('Intent', buying.intentType ? BUYER_INTENT_LABELS[buying.intentType] : null);
  field('Shopping style', buying.shoppingStyle ? SHOPPER_TYPE_LABELS[buying.shoppingStyle] : null);
  field(
    'Price sensitivity',
    buying.priceSensitivity ? PRICE_SENSITIVITY_LABELS[buying.priceSensitivity] : null,
  );
  list('Decision factors', buying.decisionFactors);

  heading('Voice of customer');
  const analysis = voice.analysis;
  if (!analysis) {
    paragraph(
      voice.reviews.trim()
        ? 'Reviews have been added but not analysed yet. Run the analysis in the app to include it here.'
        : 'No customer reviews yet. Paste reviews or import a CSV in the app to analyse what customers say.',
      muted,
    );
  } else {
    const by = voice.analysedBy === 'offline' ? 'the offline coach' : 'the AI coach';
    paragraph(
      `${countOf(analysis.reviewCount, 'review')} analysed by ${by}${voice.analysedAt ? ` on ${pdfDate(new Date(voice.analysedAt))}` : ''}. Every quote is verbatim: check findings against it.`,
      muted,
    );
    doc.moveDown(0.4);
    const { positive, neutral, negative } = analysis.sentiment;
    const total = Math.max(1, positive + neutral + negative);
    const barTop = doc.y;
    let x = PDF_MARGIN;
    for (const [polarity, count] of [
      ['positive', positive],
      ['neutral', neutral],
      ['negative', negative],
    ] as const) {
      const segment = (width * count) / total;
      if (segment > 0) doc.rect(x, barTop, segment, 10).fill(SENTIMENT_COLOURS[polarity]);
      x += segment;
    }
    doc.y = barTop + 16;
    doc.x = PDF_MARGIN;
    paragraph(
      `Sentiment: ${positive} positive, ${neutral} neutral, ${negative} negative (${Math.round((positive / total) * 100)}% positive).`,
    );

    if (analysis.summary.length > 0) {
      subheading('What the reviews say');
      for (const line of analysis.summary) paragraph(`• ${line}`);
    }
    if (analysis.keyPhrases.length > 0) {
      subheading('Key phrases');
      paragraph(
        analysis.keyPhrases
          .map((entry) => `${entry.phrase} (${entry.count}, ${entry.sentiment})`)
          .join(' · '),
      );
    }
    if (analysis.triggers.length > 0) {
      subheading('Emotional triggers detected');
      for (const entry of analysis.triggers) {
        paragraph(
          `${TRIGGER_KNOWLEDGE[entry.trigger].label}: ${entry.mentions} of ${countOf(analysis.reviewCount, 'review')}`,
        );
        for (const quote of entry.quotes.slice(0, 2)) paragraph(`   “${quote}”`, muted);
      }
    }
    if (analysis.quotes.length > 0) {
      subheading('Representative quotes');
      for (const quote of analysis.quotes) {
        pdfParagraph(pdf, `“${quote.text}” (${quote.sentiment})`, {
          colour: SENTIMENT_COLOURS[quote.sentiment],
          font: 'italic',
        });
        doc.moveDown(0.2);
      }
    }
    const echoed = analysis.echoes.filter((echo) => echo.mentions > 0);
    if (analysis.echoes.length > 0) {
      subheading('The avatar against the reviews');
      paragraph(
        echoed.length > 0
          ? `Confirmed: ${echoed.map((echo) => `${echo.tag} (${echo.mentions})`).join(', ')}.`
          : 'None of the avatar’s values, fears or desires appear in these reviews.',
      );
      const silent = analysis.echoes.filter((echo) => echo.mentions === 0);
      if (silent.length > 0) paragraph(`Not heard: ${silent.map((echo) => echo.tag).join(', ')}.`, muted);
    }
  }

  return pdf.finish();
}
