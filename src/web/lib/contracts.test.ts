import { describe, expect, it } from 'vitest';
import { loadContracts, loadContractsWith, loadPublicContracts } from './contracts.ts';

describe('contracts on demand', () => {
  it('answers a session check from the session chunk alone', async () => {
    const contracts = await loadContractsWith('sessionResponseSchema');
    expect(Object.keys(contracts).sort()).toEqual([
      'errorEnvelopeSchema',
      'okSchema',
      'sessionResponseSchema',
      'userResponseSchema',
    ]);
    expect(contracts.sessionResponseSchema.parse({ user: null })).toEqual({ user: null });
  });

  it('loads a public form’s schema without the signed-in app’s', async () => {
    const contracts = await loadContractsWith('signInBodySchema');
    expect(contracts).toHaveProperty('signInBodySchema');
    expect(contracts).toHaveProperty('errorEnvelopeSchema');
    expect(contracts).not.toHaveProperty('brandResponseSchema');
  });

  it('loads every contract for a signed-in request, each set holding the smaller ones', async () => {
    const all = await loadContractsWith('brandResponseSchema');
    const publicContracts = await loadPublicContracts();
    expect(all).toHaveProperty('brandResponseSchema');
    for (const key of Object.keys(publicContracts)) expect(all, key).toHaveProperty(key);
    expect(await loadContracts()).toBe(all);
  });
});
