// The house rules of ../shared/STYLE.md that a machine can check: the rings of a service
// (domain ← application ← adapters), and services that never import each other.
const nx = require('@nx/eslint-plugin');
const tseslint = require('typescript-eslint');

const FRAMEWORKS = ['@nestjs/*', 'typeorm', 'kafkajs', 'pg', 'pino', 'nestjs-pino', 'class-validator', 'class-transformer'];
// Shared libs a domain ring may not use; the domain kernel is pure, the contracts lend their vocabulary as types only.
const SHARED_LIBS = ['@passerelle/*', '!@passerelle/domain-kernel', '!@passerelle/contracts'];

module.exports = tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.local/**', '**/*.cjs', '**/*.js'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: { '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }] },
  },
  {
    // Tests may reach a lib through its public name and use libs/testing, which builds on the libs.
    files: ['**/*.ts'],
    ignores: ['**/test/**', '**/*.spec.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': ['error', {
        allow: [],
        // libs/testing builds on the other libs, whose own tests use it: a cycle of tests only.
        ignoredCircularDependencies: [['testing', '*']],
        depConstraints: [
          { sourceTag: 'type:service', onlyDependOnLibsWithTags: ['type:lib'] },
          { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
          { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:lib'] },
          { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
        ],
      }],
    },
  },
  {
    files: ['services/*/src/domain/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [
        { group: [...FRAMEWORKS, ...SHARED_LIBS], message: 'domain/ is pure TypeScript: no framework, I/O or shared libs.' },
        { group: ['@passerelle/contracts'], allowTypeImports: true, message: 'domain/ takes only the contracts\' vocabulary, as types.' },
        { group: ['**/application/**', '**/adapters/**'], message: 'domain/ imports nothing from the outer rings.' },
      ] }],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'Take the time from a Clock.' }],
    },
  },
  {
    files: ['services/*/src/application/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/adapters/**'], message: 'application/ never imports adapters/.' },
        { group: ['typeorm', 'kafkajs', 'pg', 'express'], message: 'application/ reaches infrastructure through ports.' },
      ] }],
    },
  },
);
