// Starts one service by name: `node deploy/local/run-service.js referral`.
const path = require('node:path');

const services = ['release-calendar', 'referral', 'housing-placement', 'notification'];
const name = process.argv[2];
if (!services.includes(name)) {
  console.error(`usage: run-service.js <${services.join('|')}>`);
  process.exit(2);
}
const root = path.resolve(__dirname, '../..');
process.argv = [process.argv[0], path.join(root, 'scripts/run-ts.js'), path.join(root, `services/${name}/src/main.ts`)];
require(path.join(root, 'scripts/run-ts.js'));
