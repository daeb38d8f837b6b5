/**
 * The import rules of `src/`: which part of the code may import which. `npm run check:imports`
 * applies them to the source tree, `import-rules.test.ts` proves they catch a wrong import, and the
 * folder table in docs/architecture.md is generated from the same list (`--table`), so the rules,
 * the check and the documentation cannot drift apart.
 *
 * Every file belongs to one part; a part lists the parts and npm packages it may import. On top of
 * the rules, no two files may import each other through a chain (no cycles), type imports included.
 */
import path from 'node:path';

export interface Part {
  /** Stable name used in the rules, e.g. `server/features/*`. */
  name: string;
  /** The folder(s) as shown in the documentation. */
  folder: string;
  description: string;
  /** Parts this one may import (itself included when listed). `*` in a name matches one segment. */
  mayImport: readonly string[];
  /** npm packages it may import (`*` = any); node built-ins count as the package `node:`. */
  packages: readonly string[] | '*';
}

const ANY_PACKAGE = '*';

/** The parts, most specific first: a file belongs to the first part whose pattern matches it. */
export const PARTS: readonly (Part & { match: RegExp })[] = [
  {
    name: 'core',
    folder: 'src/core',
    match: /^src\/core\//,
    description: 'The IDEA domain and the zod contracts shared by server and web. Pure: no I/O.',
    mayImport: ['core'],
    packages: [
      'zod',
      '@zxcvbn-ts/core',
      '@zxcvbn-ts/language-common',
      '@zxcvbn-ts/language-en',
      'compromise',
      'sentiment',
      'vitest',
    ],
  },
  {
    name: 'server/config',
    folder: 'src/server/config.ts',
    match: /^src\/server\/config(\.test)?\.ts$/,
    description: 'The one configuration module: parses and validates the environment.',
    mayImport: ['core', 'server/config'],
    packages: ANY_PACKAGE,
  },
  {
    name: 'server/entry',
    folder: 'src/server/{app,main}.ts, src/server/cli',
    match: /^src\/server\/(app|main)\.ts$|^src\/server\/cli\/|^src\/server\/[^/]+\.test\.ts$/,
    description:
      'Composition roots: `app.ts` builds the Fastify app from every part and wires features together (registrations), `main.ts` runs it, `cli/` holds the command-line entry points.',
    mayImport: ['core', 'server/*', 'server/features/*'],
    packages: ANY_PACKAGE,
  },
  {
    name: 'server/db',
    folder: 'src/server/db',
    match: /^src\/server\/db\//,
    description: 'The database: client (PGlite or PostgreSQL), schema (one file per area), migrations.',
    mayImport: ['core', 'server/config', 'server/db'],
    packages: ANY_PACKAGE,
  },
  {
    name: 'server/platform',
    folder: 'src/server/platform',
    match: /^src\/server\/platform\//,
    description:
      'What every feature shares: errors, logging, security, the session guard, better-auth and sessions, throttling, mail, PDF, metrics, the workspace store (brands and items), the data-lifecycle registry.',
    mayImport: ['core', 'server/config', 'server/db', 'server/platform'],
    packages: ANY_PACKAGE,
  },
  {
    name: 'server/ai',
    folder: 'src/server/ai',
    match: /^src\/server\/ai\//,
    description:
      'The AI engine: the one pipeline (validate, brand check, context from registered sources, quota, cache, spend, provider, ledger, offline fallback), task registry, prompts.',
    mayImport: ['core', 'server/config', 'server/db', 'server/platform', 'server/ai'],
    packages: ANY_PACKAGE,
  },
  {
    name: 'server/jobs',
    folder: 'src/server/jobs',
    match: /^src\/server\/jobs\//,
    description:
      'The job queue and scheduler on PostgreSQL, and the jobs that belong to no feature (retention runner, email retry, backup).',
    mayImport: ['core', 'server/config', 'server/db', 'server/platform', 'server/jobs'],
    packages: ANY_PACKAGE,
  },
  {
    name: 'server/operations',
    folder: 'src/server/operations',
    match: /^src\/server\/operations\//,
    description: 'Backups and restores.',
    mayImport: ['core', 'server/config', 'server/db', 'server/platform', 'server/operations'],
    packages: ANY_PACKAGE,
  },
  {
    name: 'server/testing',
    folder: 'src/server/testing',
    match: /^src\/server\/testing\//,
    description:
      'Test support: the integration harness, a fake OpenAI-compatible server, SMTP and Sentry receivers.',
    mayImport: ['core', 'server/*', 'server/features/*'],
    packages: ANY_PACKAGE,
  },
  {
    name: 'server/features/*',
    folder: 'src/server/features/<name>',
    match: /^src\/server\/features\/([^/]+)\//,
    description:
      'One feature each: routes (thin), service (the rules), its queries and its tests. Features never import each other; what they share lives below them, and the app wires them together.',
    mayImport: [
      'core',
      'server/config',
      'server/db',
      'server/platform',
      'server/ai',
      'server/jobs',
      'server/operations',
      'server/features/$self',
    ],
    packages: ANY_PACKAGE,
  },
  {
    name: 'web/features/*',
    folder: 'src/web/features/<name>',
    match: /^src\/web\/features\/([^/]+)\//,
    description: 'One page area each: pages, hooks and its API calls. Features never import each other.',
    mayImport: ['core', 'web/lib', 'web/components', 'web/kit', 'web/features/$self'],
    packages: ANY_PACKAGE,
  },
  {
    name: 'web/app',
    folder: 'src/web/app',
    match: /^src\/web\/app\/|^src\/web\/[^/]+\.tsx?$/,
    description: 'The app shell: router and the one list of pages, guards, providers, entry point.',
    mayImport: ['core', 'web/*', 'web/features/*'],
    packages: ANY_PACKAGE,
  },
  {
    name: 'web/kit',
    folder: 'src/web/kit',
    match: /^src\/web\/kit\//,
    description: 'Pieces several features share (brand switcher, autosave, coach buttons, admin table).',
    mayImport: ['core', 'web/lib', 'web/components', 'web/kit'],
    packages: ANY_PACKAGE,
  },
  {
    name: 'web/components',
    folder: 'src/web/components',
    match: /^src\/web\/components\//,
    description: 'The design system: small accessible components.',
    mayImport: ['core', 'web/components', 'web/lib'],
    packages: ANY_PACKAGE,
  },
  {
    name: 'web/lib',
    folder: 'src/web/lib',
    match: /^src\/web\/lib\//,
    description:
      'The typed API client (one request function, the error type, SSE), contracts loading, helpers.',
    mayImport: ['core', 'web/lib'],
    packages: ANY_PACKAGE,
  },
  {
    name: 'web/test',
    folder: 'src/web/test',
    match: /^src\/web\/test\//,
    description: 'Test helpers for components.',
    mayImport: ['core', 'web/*', 'web/features/*'],
    packages: ANY_PACKAGE,
  },
];

export interface SourceFile {
  /** Path relative to the project root, with `/` separators, e.g. `src/server/app.ts`. */
  path: string;
  text: string;
}

export interface Violation {
  from: string;
  to: string;
  reason: string;
}

/** Which part a file belongs to, and for `*` parts which instance (`server/features/coach`). */
export function partOf(file: string): { part: Part; instance: string } | null {
  for (const part of PARTS) {
    const match = part.match.exec(file);
    if (match) return { part, instance: match[1] ? part.name.replace('*', match[1]) : part.name };
  }
  return null;
}

const SPECIFIER =
  /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|new URL\(\s*['"](\.[^'"]+)['"]\s*,\s*import\.meta\.url/g;

/** The module specifiers a file imports (static, dynamic, re-exports, worker URLs). */
export function importsOf(text: string): string[] {
  // Comments may mention imports; drop them first (block comments, then line comments).
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const found: string[] = [];
  for (const match of code.matchAll(SPECIFIER)) {
    const specifier = match[1] ?? match[2] ?? match[3];
    if (specifier) found.push(specifier);
  }
  return found;
}

/** Parts that exist for tests: production code never imports them. */
const TEST_SUPPORT = new Set(['server/testing', 'web/test']);
/** What a test may import on top of its own part's rules: test support, and the web app's providers. */
const TEST_EXTRAS = new Set([...TEST_SUPPORT, 'web/app']);

function isTest(file: string): boolean {
  return /\.test\.tsx?$/.test(file);
}

function packageName(specifier: string): string {
  if (specifier.startsWith('node:')) return 'node:';
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

function allows(rule: string, target: string, selfInstance: string): boolean {
  const pattern = rule.replace('$self', selfInstance.split('/').at(-1) ?? '');
  if (!pattern.includes('*')) return pattern === target;
  const [prefix, suffix] = pattern.split('*') as [string, string];
  if (!target.startsWith(prefix) || !target.endsWith(suffix)) return false;
  const middle = target.slice(prefix.length, target.length - suffix.length);
  return middle.length > 0 && !middle.includes('/');
}

/** Checks every import of every file against the rules; relative imports must resolve to a file. */
export function checkImports(files: readonly SourceFile[]): { violations: Violation[]; cycles: string[][] } {
  const known = new Set(files.map((file) => file.path));
  const edges = new Map<string, string[]>();
  const violations: Violation[] = [];
  for (const file of files) {
    const owner = partOf(file.path);
    const targets: string[] = [];
    edges.set(file.path, targets);
    for (const specifier of importsOf(file.text)) {
      if (specifier.startsWith('.')) {
        const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(file.path), specifier));
        // The app's version comes from package.json (platform/version.ts reads it).
        if (resolved === 'package.json' && owner?.instance === 'server/platform') continue;
        if (!resolved.startsWith('src/')) {
          violations.push({ from: file.path, to: resolved, reason: 'imports from outside src/' });
          continue;
        }
        if (!known.has(resolved)) {
          // Non-code assets (CSS, fonts, prompts, the worker's own URL) are not part of the graph.
          if (/\.(tsx?)$/.test(resolved))
            violations.push({ from: file.path, to: resolved, reason: 'no such file' });
          continue;
        }
        targets.push(resolved);
        if (!owner) continue;
        const target = partOf(resolved);
        if (!target) continue;
        const permitted =
          owner.part.mayImport.some((rule) => allows(rule, target.instance, owner.instance)) ||
          (isTest(file.path) && TEST_EXTRAS.has(target.part.name));
        if (TEST_SUPPORT.has(target.part.name) && !isTest(file.path) && !TEST_SUPPORT.has(owner.part.name)) {
          violations.push({
            from: file.path,
            to: resolved,
            reason: `only tests may import ${target.instance}`,
          });
        } else if (!permitted) {
          violations.push({
            from: file.path,
            to: resolved,
            reason: `${owner.instance} may not import ${target.instance}`,
          });
        }
      } else if (owner && owner.part.packages !== ANY_PACKAGE) {
        const name = packageName(specifier);
        if (!owner.part.packages.includes(name)) {
          violations.push({
            from: file.path,
            to: specifier,
            reason: `${owner.instance} may not use the package ${name}`,
          });
        }
      }
    }
    if (!owner)
      violations.push({ from: file.path, to: '', reason: 'belongs to no part of the import rules' });
  }
  return { violations, cycles: findCycles(edges) };
}

/** Strongly connected components with more than one file (or a file importing itself). */
export function findCycles(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  // Iterative Tarjan: a deep import chain must not overflow the call stack.
  for (const start of edges.keys()) {
    if (index.has(start)) continue;
    const work: { node: string; next: number }[] = [{ node: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter);
    counter += 1;
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { node: string; next: number };
      const targets = edges.get(frame.node) ?? [];
      if (frame.next < targets.length) {
        const target = targets[frame.next] as string;
        frame.next += 1;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter);
          counter += 1;
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node) as number, index.get(target) as number));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent)
        low.set(parent.node, Math.min(low.get(parent.node) as number, low.get(frame.node) as number));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string | undefined;
        do {
          member = stack.pop() as string;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        const selfLoop = component.length === 1 && (edges.get(frame.node) ?? []).includes(frame.node);
        if (component.length > 1 || selfLoop) cycles.push(component.sort());
      }
    }
  }
  return cycles;
}

/** The folder table of docs/architecture.md, generated from the rules. */
export function markdownTable(): string {
  const rows = PARTS.map((part) => {
    const imports = part.mayImport
      .filter((rule) => rule !== part.name && !rule.includes('$self'))
      .map((rule) => `\`${rule.replace('$self', '<same>')}\``)
      .join(', ');
    return `| \`${part.folder}\` | ${part.description} | ${imports || '—'} |`;
  });
  return ['| Folder | Contents | May import |', '| --- | --- | --- |', ...rows].join('\n');
}
