import { readFileSync, writeFileSync } from 'node:fs';

const FILE = 'docs/benchmarks.md';
/** Sections go before this one, which only points elsewhere. */
const LAST_SECTION = '## Backups and point-in-time recovery';

/**
 * Writes a bench's section of docs/benchmarks.md: replaces the section that starts with `title` (up
 * to the next `## ` heading), or adds it before the backups section when it is new.
 */
export function writeBenchmarkSection(title: string, section: string): void {
  const current = readFileSync(FILE, 'utf8');
  const start = current.indexOf(title);
  let next: string;
  if (start === -1) {
    const anchor = current.indexOf(LAST_SECTION);
    next =
      anchor === -1
        ? `${current.trimEnd()}\n\n${section}`
        : `${current.slice(0, anchor)}${section}\n${current.slice(anchor)}`;
  } else {
    const end = current.indexOf('\n## ', start + title.length);
    next = `${current.slice(0, start)}${section}${end === -1 ? '' : current.slice(end)}`;
  }
  writeFileSync(FILE, next);
  console.log(`Wrote the "${title.replace(/^## /, '')}" section of ${FILE}.`);
}
