module.exports = { ...require('../../jest.preset.cjs'), displayName: 'release-calendar', rootDir: __dirname, testTimeout: 60_000 };
