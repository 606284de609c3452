// Three projects so a developer can run the fast unit tests alone; `npm test` runs all.
const transform = {
  '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2023' } }],
  // Fonts are imported as bytes (shared/forms/fonts.ts), as esbuild's binary loader gives them.
  '\\.ttf$': '<rootDir>/tools/jest-binary-transform.js',
};
// middy ships ESM only; swc turns it into CommonJS like our own code. Its packages export only an
// `import` condition, which jest's CommonJS resolver does not look at, so they are mapped by path.
const common = {
  transform,
  transformIgnorePatterns: ['/node_modules/(?!(@middy|dejavu-fonts-ttf|pixelmatch)/)'],
  moduleNameMapper: { '^@middy/(core|util)$': '<rootDir>/node_modules/@middy/$1/index.js' },
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
};
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    { ...common, displayName: 'infra', testMatch: ['<rootDir>/tests/infra/**/*.test.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/integration/setup/global-setup.ts',
      globalTeardown: '<rootDir>/tests/integration/setup/global-teardown.ts',
    },
  ],
  testTimeout: 60000,
};
