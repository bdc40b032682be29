// Fault tests stop, kill and restart the shared broker or database: they run alone, after the rest.
module.exports = {
  ...require('./jest.preset.cjs'),
  displayName: 'faults',
  rootDir: __dirname,
  testMatch: ['<rootDir>/{libs,services,deploy}/**/test/**/*.fault-spec.ts'],
  testTimeout: 180_000,
};
