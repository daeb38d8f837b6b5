import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Collected when asked (`npm test` passes --coverage; a plain `npx vitest run` stays as fast as
    // before). Every source file counts, so an untested one shows as 0 % rather than not at all.
    coverage: {
      provider: 'v8',
      include: ['src/**/*.{ts,tsx}'],
      exclude: [
        'src/**/*.test.{ts,tsx}',
        'src/**/*.d.ts',
        'src/server/testing/**',
        'src/server/db/migrations/**',
        // Bench, e2e and scripts live outside src/ and are not included in the first place.
      ],
      reporter: ['json-summary', 'html'],
      reportsDirectory: 'reports/coverage',
      // The numbers are worth having from a red run too (npm test prints them either way).
      reportOnFailure: true,
    },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
          exclude: ['src/**/*.int.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['src/**/*.int.test.ts'],
          environment: 'node',
          // Each file opens its own database (PGlite ≈ 330 MB); two at a time fits two cores.
          maxWorkers: 2,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
