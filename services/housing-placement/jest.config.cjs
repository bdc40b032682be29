module.exports = { ...require('../../jest.preset.cjs'), displayName: 'housing-placement', rootDir: __dirname, testTimeout: 60_000 };
