import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from './check-imports.ts';
import { checkImports, importsOf, markdownTable, partOf } from './import-rules.ts';

const file = (filePath: string, ...imports: string[]) => ({
  path: filePath,
  text: imports.map((specifier) => `import { x } from '${specifier}';`).join('\n'),
});

describe('import rules', () => {
  it('finds every kind of import, and none in comments', () => {
    const text = [
      "import type { A } from './a.ts';",
      "export { b } from './b.ts';",
      "export * from './c.ts';",
      "const d = await import('./d.ts');",
      "new Worker(new URL('./e.ts', import.meta.url));",
      "import './side-effect.ts';",
      "// import { nope } from './commented.ts';",
      "/* import { nope } from './block.ts'; */",
    ].join('\n');
    expect(importsOf(text)).toEqual(['./a.ts', './b.ts', './c.ts', './d.ts', './e.ts', './side-effect.ts']);
  });

  it('places files in their part, features by name', () => {
    expect(partOf('src/server/features/coach/chat.ts')?.instance).toBe('server/features/coach');
    expect(partOf('src/server/app.ts')?.instance).toBe('server/entry');
    expect(partOf('src/server/config.test.ts')?.instance).toBe('server/config');
    expect(partOf('src/web/features/canvas/canvas-page.tsx')?.instance).toBe('web/features/canvas');
  });

  it('accepts allowed imports', () => {
    const { violations, cycles } = checkImports([
      file('src/core/a.ts', 'zod'),
      file('src/server/platform/p.ts', '../../core/a.ts'),
      file('src/server/features/coach/chat.ts', '../../platform/p.ts', './queries.ts', '../../../core/a.ts'),
      file('src/server/features/coach/queries.ts'),
      file('src/server/app.ts', './features/coach/chat.ts'),
    ]);
    expect(violations).toEqual([]);
    expect(cycles).toEqual([]);
  });

  it('fails on a deliberately wrong import: feature to feature, core to I/O, web to server, platform to a feature', () => {
    const { violations } = checkImports([
      file('src/server/features/coach/chat.ts', '../canvas/service.ts'),
      file('src/server/features/canvas/service.ts'),
      file('src/core/a.ts', 'node:fs'),
      file('src/web/features/coach/page.tsx', '../../../server/features/coach/chat.ts'),
      file('src/web/features/canvas/page.tsx', '../coach/page.tsx'),
      file('src/server/platform/p.ts', '../features/canvas/service.ts'),
      file('src/server/features/canvas/routes.ts', '../../testing/harness.ts'),
      file('src/server/testing/harness.ts'),
    ]);
    expect(violations.map((violation) => violation.reason)).toEqual([
      'server/features/coach may not import server/features/canvas',
      'core may not use the package node:',
      'web/features/coach may not import server/features/coach',
      'web/features/canvas may not import web/features/coach',
      'server/platform may not import server/features/canvas',
      'only tests may import server/testing',
    ]);
  });

  it('finds import cycles, type imports included', () => {
    const { cycles } = checkImports([
      file('src/core/a.ts', './b.ts'),
      file('src/core/b.ts', './c.ts'),
      file('src/core/c.ts', './a.ts'),
      file('src/core/d.ts', './d.ts'),
      file('src/core/e.ts', './a.ts'),
    ]);
    expect(cycles).toEqual([['src/core/a.ts', 'src/core/b.ts', 'src/core/c.ts'], ['src/core/d.ts']]);
  });

  it('holds for the whole source tree: no forbidden import, no cycle', () => {
    const { violations, cycles } = checkImports(sourceFiles());
    expect(violations).toEqual([]);
    expect(cycles).toEqual([]);
  });

  it('is the folder table docs/architecture.md shows', () => {
    // The formatter pads the table's cells; compare cell by cell.
    const cells = (table: string) =>
      table
        .split('\n')
        .filter((line) => line.startsWith('|'))
        .map((line) => line.split('|').map((cell) => cell.trim().replace(/^-+$/, '---')));
    const doc = readFileSync(path.join(import.meta.dirname, '..', 'docs', 'architecture.md'), 'utf8');
    const start = doc.indexOf('| Folder');
    const end = doc.indexOf('\n\n', start);
    expect(start).toBeGreaterThan(0);
    expect(cells(doc.slice(start, end))).toEqual(cells(markdownTable()));
  });
});
