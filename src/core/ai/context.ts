/**
 * Prompt assembly under a token budget. Context sections are added in priority order until the
 * budget is spent (the last one that does not fit is cut at a line boundary), and user-supplied text
 * is wrapped as data, so a model treats it as material to work on and never as instructions.
 */

export interface ContextSection {
  /** Stable name, e.g. "diagnostic"; shown to the model as the section's label. */
  name: string;
  /** Lower numbers go first and survive a tight budget. */
  priority: number;
  text: string;
}

/**
 * A deliberately pessimistic token estimate (about 3 characters per token, where English averages
 * nearer 4): budgets and cost reservations must not be undercounted.
 */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 3);
}

export interface BudgetedContext {
  sections: ContextSection[];
  /** What the rendered `<context>` block costs, estimated: the wrapper, each heading and text. */
  tokens: number;
  /** Names of sections left out or cut for lack of budget. */
  trimmed: string[];
  /** The rendered cost of each kept section (heading included), by name. */
  costs: Record<string, number>;
}

/** The `<context>` tags around the sections. */
const WRAPPER_TOKENS = estimateTokens('<context>\n\n</context>');

/** What a section costs where it is rendered: its heading, its text and the blank line after it. */
function sectionCost(name: string, text: string): number {
  return estimateTokens(`## ${name}\n${text}\n\n`);
}

/**
 * Keeps sections in priority order while the rendered block fits in `budgetTokens`; the first one
 * that does not fit is cut at a line boundary (or left out when little room is left) and the ones
 * after it are kept only if they still fit whole. `tokens` never exceeds the budget.
 */
export function fitToBudget(sections: readonly ContextSection[], budgetTokens: number): BudgetedContext {
  const ordered = [...sections]
    .map((section) => ({ ...section, text: neutraliseTags(section.text) }))
    .sort((a, b) => a.priority - b.priority || a.name.localeCompare(b.name));
  const kept: ContextSection[] = [];
  const trimmed: string[] = [];
  const costs: Record<string, number> = {};
  let tokens = WRAPPER_TOKENS;
  for (const section of ordered) {
    const cost = sectionCost(section.name, section.text);
    if (tokens + cost <= budgetTokens) {
      kept.push(section);
      costs[section.name] = cost;
      tokens += cost;
      continue;
    }
    trimmed.push(section.name);
    const room = (budgetTokens - tokens - sectionCost(section.name, '')) * 3;
    if (room < 200) continue;
    const cut = section.text.slice(0, room);
    const lastLine = cut.lastIndexOf('\n');
    const text = lastLine > room / 2 ? cut.slice(0, lastLine) : cut;
    const cutCost = sectionCost(section.name, text);
    kept.push({ ...section, text });
    costs[section.name] = cutCost;
    tokens += cutCost;
  }
  return { sections: kept, tokens: kept.length > 0 ? tokens : 0, trimmed, costs };
}

/**
 * Keeps user text from closing (or opening) the data block it sits in: the `<` of such a tag becomes
 * a look-alike of the same length, so what was measured against the budget is what is sent.
 */
function neutraliseTags(text: string): string {
  return text.replace(/<(?=\/?\s*(?:user_data|context)\b)/gi, '\u2039');
}

export function renderContext(context: Pick<BudgetedContext, 'sections'>): string {
  if (context.sections.length === 0) return '<context>\n(no saved brand data yet)\n</context>';
  const body = context.sections
    .map((section) => `## ${section.name}\n${neutraliseTags(section.text)}`)
    .join('\n\n');
  return `<context>\n${body}\n</context>`;
}

/** The user's request as JSON inside a data block; the system prompt says to treat it as data. */
export function renderUserData(input: unknown): string {
  return `<user_data>\n${neutraliseTags(JSON.stringify(input, null, 2))}\n</user_data>`;
}

/** Stable JSON (sorted keys, trimmed and whitespace-collapsed strings) for hashing requests. */
export function normalisedJson(value: unknown): string {
  return JSON.stringify(normalise(value));
}

function normalise(value: unknown): unknown {
  if (typeof value === 'string') return value.trim().replace(/\s+/g, ' ');
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, entry]) => entry !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, entry]) => [key, normalise(entry)]),
    );
  }
  return value;
}
