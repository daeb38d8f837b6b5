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
  tokens: number;
  /** Names of sections left out or cut for lack of budget. */
  trimmed: string[];
}

export function fitToBudget(sections: readonly ContextSection[], budgetTokens: number): BudgetedContext {
  const ordered = [...sections].sort((a, b) => a.priority - b.priority || a.name.localeCompare(b.name));
  const kept: ContextSection[] = [];
  const trimmed: string[] = [];
  let tokens = 0;
  for (const section of ordered) {
    const cost = estimateTokens(section.text);
    if (tokens + cost <= budgetTokens) {
      kept.push(section);
      tokens += cost;
      continue;
    }
    trimmed.push(section.name);
    const room = (budgetTokens - tokens) * 3;
    if (room < 200) continue;
    const cut = section.text.slice(0, room);
    const lastLine = cut.lastIndexOf('\n');
    const text = lastLine > room / 2 ? cut.slice(0, lastLine) : cut;
    kept.push({ ...section, text });
    tokens += estimateTokens(text);
  }
  return { sections: kept, tokens, trimmed };
}

/** Keeps user text from closing the data block it sits in. */
function neutraliseTags(text: string): string {
  return text.replace(/<\/?\s*(user_data|context)\b/gi, (match) => match.replace('<', '&lt;'));
}

export function renderContext(context: BudgetedContext): string {
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
