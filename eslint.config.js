// Lint rules shared by every package. The layer rule (STYLE §3): domain/ and app/ stay free of I/O
// libraries, so rules and use cases can be read and tested without a broker, a database or a server.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

const ioLibraries = [
  'mongoose',
  'mongodb',
  'kafkajs',
  'express',
  '@grpc/grpc-js',
  '@opentelemetry/*',
  'pino',
  'prom-client',
  'node:fs',
  'fs',
  'node:net',
  'net',
  'node:http',
  'http',
  '@gov/contracts',
  '**/adapters/**',
];

module.exports = tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '.tools/**',
      '.run/**',
      'packages/contracts/src/gen/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
      eqeqeq: ['error', 'always'],
      'no-console': 'error',
    },
  },
  {
    files: ['services/*/src/domain/**/*.ts', 'services/*/src/app/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ioLibraries,
              message: 'domain/ and app/ must not import I/O libraries or adapters (STYLE §3); add a port.',
            },
          ],
        },
      ],
    },
  },
  {
    // process.env is read only in config.ts files (STYLE §8)
    files: ['services/*/src/**/*.ts', 'packages/platform/src/**/*.ts'],
    // otel.ts is the preload and reads the standard OTEL_* variables before any config exists
    ignores: [
      '**/config.ts',
      '**/*.test.ts',
      'packages/platform/src/config/**',
      'packages/platform/src/observability/otel.ts',
    ],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration in config.ts only (STYLE §8).' },
      ],
    },
  },
  {
    files: ['scripts/**/*.{js,mjs}', 'bench/**/*.{js,mjs}', 'test/**/*.ts', '**/*.test.ts', 'packages/testkit/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
