// @vitest-environment happy-dom
import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { caught, jsonResponse, stubFetch } from '../../test/fetch-stub.ts';
import { diagnosticApi, diagnosticReportUrl, isResultId } from './api.ts';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('diagnostic api', () => {
  it('submits diagnostic answers and checks the result it gets back', async () => {
    const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
    const entry = { score: 50, band: 'developing' };
    const result = {
      id,
      questionnaireVersion: 1,
      answers: { 'insight-motivation': 3 },
      scores: {
        overall: 50,
        overallBand: 'developing',
        dimensions: { insight: entry, distinctive: entry, empathetic: entry, authentic: entry },
      },
      saved: false,
      brandId: null,
      createdAt: '2026-03-01T10:00:00.000Z',
    };
    const fetchMock = stubFetch(jsonResponse(201, { result }), jsonResponse(200, { result: { id } }));
    await expect(
      diagnosticApi.submitDiagnostic({ questionnaireVersion: 1, answers: { 'insight-motivation': 3 } }),
    ).resolves.toEqual({ result });
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/diagnostic/results');
    expect(init?.method).toBe('POST');
    // A partial result is not a result.
    expect((await caught(diagnosticApi.getDiagnosticResult(id))).code).toBe('BAD_RESPONSE');
    expect(fetchMock.mock.calls[1]?.[0]).toBe(`/api/diagnostic/results/${id}`);
  });

  it('takes a signed-in user’s diagnostic for the brand the app currently shows', async () => {
    const brands = [
      { id: '11111111-1111-4111-8111-111111111111', name: 'First' },
      { id: '22222222-2222-4222-8222-222222222222', name: 'Second' },
    ].map((brand) => ({
      ...brand,
      createdAt: '2026-03-01T10:00:00.000Z',
      updatedAt: '2026-03-01T10:00:00.000Z',
    }));
    window.localStorage.setItem('ibc.current-brand', '22222222-2222-4222-8222-222222222222');
    const client = new QueryClient();
    client.setQueryData(['session'], { user: { id: 'u' } });
    client.setQueryData(['brands'], { brands });
    const fetchMock = stubFetch(jsonResponse(500, {}));
    await caught(diagnosticApi.submitDiagnostic({ questionnaireVersion: 1, answers: {} }, { client }));
    const [, init] = fetchMock.mock.calls[0] ?? [];
    expect(JSON.parse(String(init?.body))).toMatchObject({ brandId: '22222222-2222-4222-8222-222222222222' });

    // Signed out: no brand; the result is claimed into one at sign-in.
    client.setQueryData(['session'], { user: null });
    const anonymousFetch = stubFetch(jsonResponse(500, {}));
    await caught(diagnosticApi.submitDiagnostic({ questionnaireVersion: 1, answers: {} }, { client }));
    expect(JSON.parse(String(anonymousFetch.mock.calls[0]?.[1]?.body))).not.toHaveProperty('brandId');
    window.localStorage.removeItem('ibc.current-brand');
  });

  it('recognises result ids and builds the report address', () => {
    expect(isResultId('0f8fad5b-d9cb-469f-a165-70867728950e')).toBe(true);
    expect(isResultId('0f8fad5b-d9cb-469f-a165-70867728950')).toBe(false);
    expect(isResultId('../../api/session')).toBe(false);
    expect(diagnosticReportUrl('0f8fad5b-d9cb-469f-a165-70867728950e')).toBe(
      '/api/diagnostic/results/0f8fad5b-d9cb-469f-a165-70867728950e/report.pdf',
    );
  });
});
