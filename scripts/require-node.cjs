/**
 * Stops an npm script with one clear line when Node.js is older than package.json's engines floor,
 * before any TypeScript file is loaded: an older Node cannot even read those (it dies with
 * ERR_UNKNOWN_FILE_EXTENSION ".ts" and a stack trace). Plain CommonJS with no newer syntax, so that
 * every Node from 16 on can run it. `npm ci` refuses the same Nodes through `.npmrc`
 * (engine-strict). Exports its comparison for the test (require-node.test.ts).
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');

/** [major, minor, patch] of ">=22.22" or ">=22.22.1", the form package.json's engines.node uses. */
function minimumOf(range) {
  const match = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(String(range).trim());
  if (!match) throw new Error(`package.json engines.node must read ">=X.Y", not "${range}"`);
  return [Number(match[1]), Number(match[2] || 0), Number(match[3] || 0)];
}

/** True when `version` ("20.20.2" or "v24.1.0") is at least the floor of `range`. */
function isSupported(version, range) {
  const have = String(version).replace(/^v/, '').split('.').map(Number);
  const need = minimumOf(range);
  for (let index = 0; index < need.length; index += 1) {
    const part = have[index] || 0;
    if (part !== need[index]) return part > need[index];
  }
  return true;
}

/** The one line printed on a too-old Node. */
function refusal(version, range) {
  const floor = minimumOf(range).join('.').replace(/\.0$/, '');
  return `IDEA Brand Coach needs Node.js ${floor} or newer, but this is Node.js ${version}; install Node 24 (the version in .nvmrc, e.g. \`nvm install 24\`) and run the command again.`;
}

module.exports = { isSupported, minimumOf, refusal };

if (require.main === module) {
  const packageJson = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'));
  const range = packageJson.engines.node;
  if (!isSupported(process.versions.node, range)) {
    process.stderr.write(`${refusal(process.versions.node, range)}\n`);
    process.exit(1);
  }
}
