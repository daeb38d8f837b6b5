/**
 * `npm run check:imports`: applies the import rules (scripts/import-rules.ts) to every file in src/
 * and lists forbidden imports and import cycles; exits 1 when there is any. `--table` prints the
 * folder table that docs/architecture.md carries.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { checkImports, markdownTable, type SourceFile } from './import-rules.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

export function sourceFiles(root = ROOT): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(path.join(root, folder), { withFileTypes: true })) {
      const relative = `${folder}/${entry.name}`;
      if (entry.isDirectory()) walk(relative);
      else if (/\.tsx?$/.test(entry.name))
        files.push({ path: relative, text: readFileSync(path.join(root, relative), 'utf8') });
    }
  };
  walk('src');
  return files;
}

if (import.meta.main) {
  if (process.argv.includes('--table')) {
    console.log(markdownTable());
  } else {
    const files = sourceFiles();
    const { violations, cycles } = checkImports(files);
    for (const violation of violations)
      console.log(`forbidden: ${violation.from} -> ${violation.to} (${violation.reason})`);
    for (const cycle of cycles) console.log(`cycle: ${cycle.join(' -> ')}`);
    console.log(
      `${files.length} files checked: ${violations.length} forbidden import(s), ${cycles.length} cycle(s)`,
    );
    process.exitCode = violations.length + cycles.length > 0 ? 1 : 0;
  }
}
