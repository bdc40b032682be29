// `npm test` runs every project's unit and integration tests in one Jest run.
const fs = require('node:fs');
const path = require('node:path');

const projects = ['libs', 'services']
  .flatMap((group) => fs.readdirSync(path.join(__dirname, group)).map((name) => path.join(__dirname, group, name)))
  .filter((dir) => fs.existsSync(path.join(dir, 'jest.config.cjs')));

module.exports = {
  projects,
  globalSetup: path.join(__dirname, 'libs/testing/src/global-setup.cjs'),
  globalTeardown: path.join(__dirname, 'libs/testing/src/global-teardown.cjs'),
  // A global option: Jest ignores it inside project configs.
  testTimeout: 90_000,
};
