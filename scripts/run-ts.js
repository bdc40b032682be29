// Runs a TypeScript entry point of the workspace (a service, a script, a benchmark) without a
// build step: ts-node transpiles (decorator metadata included, which NestJS needs) and
// tsconfig-paths resolves the @passerelle/* aliases. The type check is `npm run typecheck`.
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.js <file.ts> [args…]');
  process.exit(2);
}
process.env.TS_NODE_PROJECT = path.join(root, 'tsconfig.json');
require('ts-node').register({ transpileOnly: true, project: process.env.TS_NODE_PROJECT });
require('tsconfig-paths').register({ baseUrl: root, paths: require(path.join(root, 'tsconfig.base.json')).compilerOptions.paths });
require('reflect-metadata');
process.argv = [process.argv[0], path.resolve(entry), ...args];
require(path.resolve(entry));
