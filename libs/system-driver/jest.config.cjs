module.exports = { ...require('../../jest.preset.cjs'), displayName: 'system-driver', rootDir: __dirname };
