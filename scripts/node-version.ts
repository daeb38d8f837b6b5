/** Fails fast, with a useful message, on a Node.js too old for the toolchain. */
import { readFileSync } from 'node:fs';

export function assertSupportedNode(): void {
  const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    engines: { node: string };
  };
  const minimum = packageJson.engines.node.replace(/^>=\s*/, '');
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  const [needMajor = 0, needMinor = 0] = minimum.split('.').map(Number);
  if (major < needMajor || (major === needMajor && minor < needMinor)) {
    console.error(
      `IDEA Brand Coach needs Node.js ${minimum} or newer (this is ${process.versions.node}). See .nvmrc.`,
    );
    process.exit(1);
  }
}
