/**
 * The brand as the offline chat coach reads it: what the owner saved (canvas, worksheets, avatars,
 * reviews and their analysis), what is still missing, and the latest diagnostic — plus the pages
 * the answer may point to. Every page named here exists (PAGE_PATHS); an answer never sends the owner
 * to one that does not. Pure.
 */
import type { CoachPassage } from '../ai/citations.ts';
import type { AvatarFacts, BrandSaved, BrandSummary, CustomerVoice } from '../ai/workspace-context.ts';
import { DIMENSION_LABELS, DIMENSIONS, type Dimension } from '../diagnostic/questionnaire.ts';
import { BAND_LABELS, type DiagnosticScores, dimensionsByWeakness } from '../diagnostic/scoring.ts';
import { PAGE_PATHS } from '../navigation/pages.ts';
import { type WorkspaceArea, workspacePath } from '../navigation/workspace-areas.ts';
import type { CanvasData } from '../workspace/canvas.ts';
import { isCanvasFieldComplete } from '../workspace/canvas-completion.ts';
import { CANVAS_COMPLETION_KEYS, CANVAS_FIELD_INFO, type CanvasKey } from '../workspace/canvas-fields.ts';
import { type WorksheetSection, worksheetSections } from '../workspace/idea-progress.ts';
import { DEFAULT_BRAND_NAME } from '../workspace/limits.ts';

// ------------------------------------------------------------------------------------- pages

/**
 * The pages an answer may send the owner to, by what they are called in the app: only pages the
 * router serves (src/web/app/routes.ts), so a page that is named but not yet routed is left out.
 */
export const PAGES = {
  diagnostic: { label: 'IDEA diagnostic', path: PAGE_PATHS.diagnostic },
  diagnosticHistory: { label: 'diagnostic history', path: PAGE_PATHS.diagnosticHistory },
  dashboard: { label: 'dashboard', path: PAGE_PATHS.dashboard },
  ideaHub: { label: 'IDEA modules', path: PAGE_PATHS.ideaHub },
  insight: { label: 'Insight module', path: PAGE_PATHS.insightModule },
  distinctive: { label: 'Distinctive module', path: PAGE_PATHS.distinctiveModule },
  empathetic: { label: 'Empathetic module', path: PAGE_PATHS.empatheticModule },
  authentic: { label: 'Authentic module', path: PAGE_PATHS.authenticModule },
  avatars: { label: 'Customer avatars', path: PAGE_PATHS.avatars },
  canvas: { label: 'Brand canvas', path: PAGE_PATHS.canvas },
  valueLens: { label: 'Value Lens', path: PAGE_PATHS.valueLens },
  knowledge: { label: 'Brand knowledge', path: PAGE_PATHS.knowledge },
  research: { label: 'Research', path: PAGE_PATHS.research },
  reviewAnalyzer: { label: 'Review analyzer', path: PAGE_PATHS.researchReviews },
  buyerIntent: { label: 'Buyer-intent research', path: PAGE_PATHS.researchIntent },
  surveys: { label: 'Surveys', path: PAGE_PATHS.surveys },
} as const;
export type PageKey = keyof typeof PAGES;

/** A Markdown link to a page of the app. */
export function link(page: PageKey, label: string = PAGES[page].label): string {
  return `[${label}](${PAGES[page].path})`;
}

export const MODULE_PAGE: Record<Dimension, PageKey> = {
  insight: 'insight',
  distinctive: 'distinctive',
  empathetic: 'empathetic',
  authentic: 'authentic',
};

/** The page a diagnostic action points to, when that page exists (never a page that does not). */
export function actionPage(area: WorkspaceArea): PageKey | null {
  const path = workspacePath(area);
  if (!path) return null;
  const found = (Object.keys(PAGES) as PageKey[]).find((key) => PAGES[key].path === path);
  return found ?? null;
}

// ------------------------------------------------------------------------------------- facts

/** The sections of a module's worksheet as the coach can judge them (the assessment is not in its data). */
export type ModuleSections = Record<Dimension, WorksheetSection[]>;

export interface BrandFacts {
  /** The brand's own name, or null while it is still the name every account starts with. */
  name: string | null;
  /** How the answer names the brand: its name, or "your brand". */
  label: string;
  saved: BrandSaved | null;
  canvas: CanvasData | null;
  /**
   * Canvas fields with real content (the optional tagline included), and the counted fields still
   * to write, in canvas order.
   */
  canvasFilled: CanvasKey[];
  canvasMissing: CanvasKey[];
  /** How many of the counted fields are filled (the tagline is optional and not counted). */
  canvasCounted: number;
  /** The avatars read in full, and every avatar's name. */
  avatars: AvatarFacts[];
  avatarNames: string[];
  voices: CustomerVoice[];
  /** Reviews saved across the avatars read. */
  reviewCount: number;
  sections: ModuleSections;
  diagnostic: { takenAt: string; scores: DiagnosticScores } | null;
  /** Retrieved passages from uploaded documents. */
  documentPassages: number;
}

export interface FactsSource {
  diagnostic: { takenAt: string; scores: DiagnosticScores } | null;
  brand?: BrandSummary | null | undefined;
  passages?: readonly CoachPassage[] | undefined;
}

export function usableName(name: string | null | undefined): string | null {
  const trimmed = name?.trim() ?? '';
  return trimmed && trimmed.toLowerCase() !== DEFAULT_BRAND_NAME.toLowerCase() ? trimmed : null;
}

export function readBrand(context: FactsSource): BrandFacts {
  const brand = context.brand ?? null;
  const saved = brand?.saved ?? null;
  const canvas = saved?.canvas ?? null;
  const keys = CANVAS_FIELD_INFO.map((field) => field.key);
  const canvasFilled = canvas ? keys.filter((key) => isCanvasFieldComplete(canvas, key)) : [];
  const voices = saved?.voices ?? [];
  const items = {
    insight: saved?.insight ?? undefined,
    distinctive: saved?.distinctive ?? undefined,
    empathetic: saved?.empathetic ?? undefined,
    authentic: saved?.authentic ?? undefined,
  };
  const sections = Object.fromEntries(
    DIMENSIONS.map((dimension) => [
      dimension,
      // The trigger assessment is not in the coach's data: it is neither claimed done nor missing.
      worksheetSections(dimension, items).filter((section) => section.id !== 'assessment'),
    ]),
  ) as ModuleSections;
  const name = usableName(brand?.name);
  return {
    name,
    label: name ?? 'your brand',
    saved,
    canvas,
    canvasFilled,
    canvasMissing: CANVAS_COMPLETION_KEYS.filter((key) => !canvasFilled.includes(key)),
    canvasCounted: CANVAS_COMPLETION_KEYS.filter((key) => canvasFilled.includes(key)).length,
    avatars: saved?.avatars ?? [],
    avatarNames: brand?.avatarNames ?? [],
    voices,
    reviewCount: voices.reduce((sum, voice) => sum + voice.reviewCount, 0),
    sections,
    diagnostic: context.diagnostic,
    documentPassages: (context.passages ?? []).filter((passage) => passage.sourceType === 'document').length,
  };
}

export function canvasLabel(key: CanvasKey): string {
  return CANVAS_FIELD_INFO.find((field) => field.key === key)?.label ?? key;
}

/** A canvas text field's content, or null when it is empty. */
export function canvasText(
  facts: BrandFacts,
  key: Exclude<CanvasKey, 'values' | 'personality'>,
): string | null {
  const text = facts.canvas?.[key].trim() ?? '';
  return text && facts.canvasFilled.includes(key) ? text : null;
}

export function missingSections(facts: BrandFacts, dimension: Dimension): WorksheetSection[] {
  return facts.sections[dimension].filter((section) => !section.done);
}

export function worksheetStarted(facts: BrandFacts, dimension: Dimension): boolean {
  return facts.sections[dimension].some((section) => section.done);
}

export function weakestDimension(facts: BrandFacts): Dimension | null {
  return facts.diagnostic ? (dimensionsByWeakness(facts.diagnostic.scores)[0]?.dimension ?? null) : null;
}

/** "Distinctive scored 34/100 (Needs attention) in your latest diagnostic", only when there is one. */
export function scoreFact(facts: BrandFacts, dimension: Dimension): string | null {
  const entry = facts.diagnostic?.scores.dimensions[dimension];
  if (!entry) return null;
  return `${DIMENSION_LABELS[dimension]} scored ${entry.score}/100 (${BAND_LABELS[entry.band]}) in your latest diagnostic`;
}

/** Avatars that have fears or desires: the ones copy and customer answers can speak from. */
export function avatarsWithVoice(facts: BrandFacts): AvatarFacts[] {
  return facts.avatars.filter(
    (avatar) => avatar.psychology.fears.length > 0 || avatar.psychology.desires.length > 0,
  );
}

/** The avatar a message names (whole word, any case), or null. */
export function avatarNamedIn(facts: BrandFacts, text: string): number | null {
  const lower = text.toLowerCase();
  const index = facts.avatars.findIndex((avatar) => {
    const name = avatar.name.trim().toLowerCase();
    if (!name) return false;
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(?:^|[^\\p{L}\\p{N}])${escaped}(?:$|[^\\p{L}\\p{N}])`, 'u').test(lower);
  });
  return index >= 0 ? index : null;
}

/** "a", "a and b", "a, b and c" (or "a, b or c"). */
export function joinList(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`;
}

/** "purpose, vision, mission and 3 more": the first few of a list, and how many are left. */
export function firstFew(items: readonly string[], shown = 4): string {
  if (items.length <= shown) return joinList(items);
  return `${items.slice(0, shown).join(', ')} and ${items.length - shown} more`;
}

/**
 * The owner's words in curly quotes, inside a sentence: Markdown punctuation escaped so they show as
 * written, and a closing full stop left to the sentence around them.
 */
export function quoted(text: string): string {
  const flat = text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(?<!\.)\.$/, '');
  return `“${escapeMarkdown(flat)}”`;
}

export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~]/g, (character) => `\\${character}`);
}
