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

  it('recognises result ids and builds the report address', () => {
    expect(isResultId('0f8fad5b-d9cb-469f-a165-70867728950e')).toBe(true);
    expect(isResultId('0f8fad5b-d9cb-469f-a165-70867728950')).toBe(false);
    expect(isResultId('../../api/session')).toBe(false);
    expect(diagnosticReportUrl('0f8fad5b-d9cb-469f-a165-70867728950e')).toBe(
      '/api/diagnostic/results/0f8fad5b-d9cb-469f-a165-70867728950e/report.pdf',
    );
  });
});
