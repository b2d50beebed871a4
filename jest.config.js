// Three tiers (STYLE §11): unit tests beside the code with no I/O; integration tests on a real Kafka
// and Mongo-wire server started once per run; end-to-end tests against the built services as processes.
const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    { jsc: { parser: { syntax: 'typescript' }, target: 'es2023' }, module: { type: 'commonjs' }, sourceMaps: 'inline' },
  ],
};
const moduleNameMapper = {
  '^@gov/(contracts|platform|testkit)$': '<rootDir>/packages/$1/src',
  '^@gov/platform/(errors|auth|calendar)$': '<rootDir>/packages/platform/src/$1',
};
const common = { transform, moduleNameMapper, testEnvironment: 'node', rootDir: __dirname };
const ignore = ['/node_modules/', '/dist/', '/.tools/'];

/** @type {import('jest').Config} */
module.exports = {
  // a per-project testTimeout is ignored by Jest; integration and e2e hooks need the longer limit
  testTimeout: 60000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{packages,services,deploy,bench}/**/*.test.ts'],
      testPathIgnorePatterns: [...ignore, '\\.int\\.test\\.ts$', '\\.e2e\\.test\\.ts$'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{packages,services}/**/*.int.test.ts'],
      testPathIgnorePatterns: ignore,
      globalSetup: '<rootDir>/packages/testkit/src/global-setup.ts',
      globalTeardown: '<rootDir>/packages/testkit/src/global-teardown.ts',
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e.test.ts'],
      testPathIgnorePatterns: ignore,
      globalSetup: '<rootDir>/packages/testkit/src/global-setup.ts',
      globalTeardown: '<rootDir>/packages/testkit/src/global-teardown.ts',
    },
  ],
};
