// Shared Jest settings of every project: TypeScript through ts-jest (transpile only, the
// type check is `npm run typecheck`), path aliases from tsconfig.base.json, UTC time zone.
const path = require('node:path');
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.base.json');

process.env.TZ = 'UTC';

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: path.join(__dirname, 'tsconfig.spec.json'), diagnostics: false }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: `${__dirname}/` }),
  testMatch: ['**/*.spec.ts', '**/*.integration-spec.ts'],
  globalSetup: path.join(__dirname, 'libs/testing/src/global-setup.cjs'),
  globalTeardown: path.join(__dirname, 'libs/testing/src/global-teardown.cjs'),
  setupFiles: [path.join(__dirname, 'libs/testing/src/reflect-metadata.cjs')],
};
