import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { assertStrongPassword, createPasswordEstimator } from './password-policy.ts';

describe('password policy', () => {
  it('scores in a thread of its own that stops when idle and starts again on demand', async () => {
    const estimator = createPasswordEstimator(100);
    const [weak, personal] = await Promise.all([
      estimator.estimate('password1', []),
      estimator.estimate('Jane-Otter-2024!', ['Jane Doe', 'jane@example.com']),
    ]);
    expect(weak).toMatchObject({ acceptable: false });
    expect(personal.rules.find((rule) => rule.id === 'personal')).toMatchObject({ met: false });
    expect(estimator.running()).toBe(true);
    for (let waited = 0; estimator.running() && waited < 5_000; waited += 50) await sleep(50);
    expect(estimator.running()).toBe(false);
    const strong = await estimator.estimate('Granite-Otter-47', ['Jane Doe', 'jane@example.com']);
    expect(strong).toMatchObject({ acceptable: true });
  });

  it('answers a weak password with WEAK_PASSWORD on the field, naming what is not met', async () => {
    await expect(assertStrongPassword('password1', [], 'password')).rejects.toMatchObject({
      statusCode: 400,
      code: 'WEAK_PASSWORD',
      details: [{ path: 'password', message: expect.stringContaining('Not met') }],
    });
    await expect(assertStrongPassword('Granite-Otter-47', ['Jane'], 'password')).resolves.toBeUndefined();
  });
});
