// Starts one service by name: `node deploy/local/run-service.js referral`.
const path = require('node:path');

const services = ['release-calendar', 'referral', 'housing-placement', 'notification'];
const name = process.argv[2];
if (!services.includes(name)) {
  console.error(`usage: run-service.js <${services.join('|')}>`);
  process.exit(2);
}
const root = path.resolve(__dirname, '../..');
// A driver's process (a test, a benchmark) may die without stopping what it started, even by SIGKILL:
// its services then end too instead of polling the shared broker and database as orphans.
if (process.env.PASSERELLE_EXIT_WITH_PARENT === '1') {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) process.kill(process.pid, 'SIGKILL');
  }, 2000).unref();
}
process.argv = [process.argv[0], path.join(root, 'scripts/run-ts.js'), path.join(root, `services/${name}/src/main.ts`)];
require(path.join(root, 'scripts/run-ts.js'));
