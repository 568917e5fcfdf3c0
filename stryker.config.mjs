/**
 * Mutation testing (StrykerJS) of the SDK and of the server's storage, privacy and HTTP layers:
 *   npm run test:mutation            (not part of `npm test` or CI: it takes a long while)
 * StrykerJS has no node:test runner, so the tap runner runs each test file as `node <file>` (node:test prints
 * TAP when its output is not a terminal) with the same loader flags as `npm run test:node`. Coverage is
 * per test file: a mutant only runs the files that reach it, and a file stops at its first failure.
 * Incremental: results are kept in reports/mutation/incremental.json and only mutants in changed code, or
 * covered by changed tests, run again. Reports: reports/mutation/index.html and mutation.json.
 */
export default {
  testRunner: 'tap',
  plugins: ['@stryker-mutator/tap-runner'],
  tap: {
    // Type-level assertions (tsc) and the slowest suites (full-size seeding, fuzzing, child processes) are
    // left out: they add minutes per mutant and reach the mutated code through paths the others cover.
    testFiles: [
      'packages/sdk/test/!(contract-types).test.ts',
      'packages/server/test/!(server-full-seed|seed-dossiers|demo-dossiers).test.ts',
      'test/server/!(fuzz|durability).test.ts',
    ],
    nodeArgs: ['-r', '{{hookFile}}', '--conditions=source', '--import', 'tsx', '--test-reporter=tap', '{{testFile}}'],
    forceBail: true,
  },
  mutate: [
    'packages/sdk/src/**/*.ts',
    'packages/server/src/db/**/*.ts',
    'packages/server/src/privacy/**/*.ts',
    'packages/server/src/http/**/*.ts',
    '!**/*.d.ts',
  ],
  coverageAnalysis: 'perTest',
  // The machine is shared; raise this where there are cores to spare (npm run test:mutation -- --concurrency 4).
  concurrency: 1,
  timeoutMS: 60_000,
  incremental: true,
  incrementalFile: 'reports/mutation/incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['dist', 'storybook-static', 'reports', 'var', 'test-results', '*.db', '*.db-wal', '*.db-shm'],
  cleanTempDir: 'always',
};
