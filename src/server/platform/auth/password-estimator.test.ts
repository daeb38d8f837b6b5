import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { assessPassword as browserAssessPassword } from '../../../core/auth/password-strength.ts';
import {
  createPasswordEstimator,
  ESTIMATOR_MODULE_PATH,
  type PasswordEstimator,
} from './password-estimator.ts';

const requireCache = createRequire(import.meta.url).cache;
const cachedEstimatorModules = () =>
  Object.keys(requireCache).filter((path) => ESTIMATOR_MODULE_PATH.test(path));

describe('the server password estimator', () => {
  let estimator: PasswordEstimator | undefined;
  afterEach(() => estimator?.release());

  it('judges passwords exactly as the browser’s estimator does', () => {
    estimator = createPasswordEstimator();
    const cases: [string, string[]][] = [
      ['password1', []],
      ['Granite-Otter-47', ['Jane Doe', 'jane@example.com']],
      ['Jane2024!', ['Jane Doe', 'jane@example.com']],
      ['correct horse battery staple', []],
      ['Tr0ub4dour&3', []],
      ['aB3!'.repeat(32), []],
    ];
    for (const [password, userInputs] of cases) {
      expect(estimator.assess(password, userInputs)).toEqual(browserAssessPassword(password, userInputs));
    }
    expect(estimator.assess('password1').acceptable).toBe(false);
    expect(estimator.assess('Granite-Otter-47').acceptable).toBe(true);
  });

  it('leaves nothing of the estimator in require’s cache, so dropping it frees the dictionaries', () => {
    estimator = createPasswordEstimator();
    estimator.assess('Granite-Otter-47');
    expect(estimator.loaded).toBe(true);
    expect(cachedEstimatorModules()).toEqual([]);
  });

  it('drops the dictionaries after the idle period and builds them again on the next check', async () => {
    estimator = createPasswordEstimator({ idleMs: 30 });
    expect(estimator.loaded).toBe(false);
    expect(estimator.assess('password1').score).toBe(0);
    expect(estimator.loaded).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(estimator.loaded).toBe(false);
    expect(estimator.assess('Granite-Otter-47').acceptable).toBe(true);
    expect(estimator.loaded).toBe(true);
    expect(cachedEstimatorModules()).toEqual([]);
  });

  it('keeps the dictionaries while passwords keep coming', async () => {
    estimator = createPasswordEstimator({ idleMs: 1_000 });
    for (let round = 0; round < 4; round += 1) {
      estimator.assess(`Granite-Otter-${round}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(estimator.loaded).toBe(true);
    }
  });
});
