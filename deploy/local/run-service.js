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
// PASSERELLE_CPU_PROFILE=<dir>: profiles the process from its start; each SIGUSR2 writes what was
// sampled so far to <dir>/<service>-<pid>-<n>.cpuprofile (open it in Chrome's DevTools) and starts again.
if (process.env.PASSERELLE_CPU_PROFILE) profileUntilAsked(process.env.PASSERELLE_CPU_PROFILE);

function profileUntilAsked(dir) {
  const fs = require('node:fs');
  const session = new (require('node:inspector').Session)();
  session.connect();
  let written = 0;
  const start = () => session.post('Profiler.enable', () => session.post('Profiler.start'));
  start();
  process.on('SIGUSR2', () => session.post('Profiler.stop', (error, result) => {
    if (!error) fs.writeFileSync(path.join(dir, `${name}-${process.pid}-${++written}.cpuprofile`), JSON.stringify(result.profile));
    start();
  }));
}

process.argv = [process.argv[0], path.join(root, 'scripts/run-ts.js'), path.join(root, `services/${name}/src/main.ts`)];
require(path.join(root, 'scripts/run-ts.js'));
