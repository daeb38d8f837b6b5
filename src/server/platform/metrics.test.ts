import { Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { bearerTokenMatches, createMetrics } from './metrics.ts';

describe('bearerTokenMatches', () => {
  const token = 'a'.repeat(40);
  it('accepts only the exact bearer token', () => {
    expect(bearerTokenMatches(`Bearer ${token}`, token)).toBe(true);
    expect(bearerTokenMatches(`bearer ${token}`, token)).toBe(true);
    expect(bearerTokenMatches(`Bearer ${token}x`, token)).toBe(false);
    expect(bearerTokenMatches(token, token)).toBe(false);
    expect(bearerTokenMatches('Bearer ', token)).toBe(false);
    expect(bearerTokenMatches(undefined, token)).toBe(false);
  });
});

describe('the HTTP latency histogram', () => {
  const NAME = 'ibc_http_request_duration_seconds';
  const linesOf = (text: string) => text.split('\n').filter((line) => line.includes(NAME));

  it('exposes exactly what prom-client’s own histogram does for the same responses', async () => {
    const metrics = createMetrics();
    const reference = new Registry();
    const expected = new Histogram({
      name: NAME,
      help: 'HTTP request duration by route pattern, method and status class.',
      labelNames: ['route', 'method', 'status_class'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [reference],
    });
    const routes = ['/api/session', '/api/brands/:brandId/items/:itemId', 'unmatched'];
    const methods = ['GET', 'PUT', 'BREW'];
    const statuses = [200, 201, 304, 404, 429, 500, 503];
    // Bounds themselves, values between them and past the last one.
    const durations = [0, 0.005, 0.0051, 0.03, 0.1, 0.7, 2.5, 9.9, 10, 12.5];
    let step = 0;
    for (const route of routes) {
      for (const method of methods) {
        for (const status of statuses) {
          step += 1;
          if (step % 3 === 0) continue; // not every combination is seen
          for (const seconds of durations.slice(step % 4)) {
            metrics.observeHttp(route, method, status, seconds);
            expected.observe(
              {
                route,
                method: method === 'BREW' ? 'OTHER' : method,
                status_class: `${Math.floor(status / 100)}xx`,
              },
              seconds,
            );
          }
        }
      }
    }
    const sorted = (lines: string[]) => [...lines].sort();
    expect(sorted(linesOf(await metrics.registry.metrics()))).toEqual(
      sorted(linesOf(await reference.metrics())),
    );
    expect(linesOf(await metrics.registry.metrics()).length).toBeGreaterThan(100);
    const asJson = (await metrics.registry.getMetricsAsJSON()).find((metric) => metric.name === NAME);
    const expectedJson = (await reference.getMetricsAsJSON()).find((metric) => metric.name === NAME);
    expect(asJson?.values.length).toBe(expectedJson?.values.length);

    metrics.registry.resetMetrics();
    expect(linesOf(await metrics.registry.metrics()).filter((line) => !line.startsWith('#'))).toEqual([]);
  });
});
