// The serial pass, after the rest: the whole system's end-to-end tests (four service processes each)
// and the fault tests, which stop, kill and restart the shared broker or database.
module.exports = {
  ...require('./jest.preset.cjs'),
  displayName: 'serial',
  rootDir: __dirname,
  testMatch: ['<rootDir>/{libs,services,deploy}/**/test/**/*.{e2e,fault}-spec.ts'],
  testTimeout: 600_000,
};
