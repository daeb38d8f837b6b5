/**
 * `npm start`: build the web app if dist/web is missing or stale, then run the server in this
 * process (it handles SIGTERM/SIGINT itself). With no configuration it serves http://localhost:8080
 * on the embedded database in ./data. npm runs scripts/require-node.cjs first, which stops on a
 * Node.js too old to load this file.
 */
import { ensureWebBuild } from './web-build.ts';

if (!ensureWebBuild()) {
  console.error('The web app failed to build; see the errors above.');
  process.exit(1);
}
const { runServer } = await import('../src/server/main.ts');
await runServer();
