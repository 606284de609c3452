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
const namesInfraFile = process.argv.some((arg) => /tests\/infra\/(?!all-files)[\w.-]+/.test(arg));
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    {
      ...common,
      displayName: 'infra',
      // One jest file loads them all, so they share the built app (tests/infra/all-files.ts); a
      // command line naming an infra test file runs that file alone, as before.
      testMatch: namesInfraFile
        ? ['<rootDir>/tests/infra/**/*.test.ts']
        : ['<rootDir>/tests/infra/all-files.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/integration/setup/global-setup.ts',
      globalTeardown: '<rootDir>/tests/integration/setup/global-teardown.ts',
    },
  ],
  testTimeout: 60000,
  // Two workers, also on two cores: jest's default (cores − 1) ran every file in band on the
  // 2-core machine, one after another, though an integration file mostly waits on the offline cloud
  // (its own process) and a second file runs in that time. The files on the shared cloud are
  // written for others using it at the same time (see tests/integration/setup/global-setup.ts).
  maxWorkers: 2,
  testSequencer: '<rootDir>/tests/sequencer.js',
};
