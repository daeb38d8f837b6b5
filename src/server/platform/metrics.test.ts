import { describe, expect, it } from 'vitest';
import { createMetrics } from './metrics.ts';

describe('createMetrics', () => {
  it('keeps answering scrapes while the database is unreachable', async () => {
    const metrics = createMetrics();
    let down = false;
    metrics.observeBackups(async () => {
      if (down) throw new Error('connect ECONNREFUSED');
      return new Date('2026-01-02T03:00:01Z');
    });
    metrics.observeDatabase({ poolStats: () => ({ total: 2, idle: 1, waiting: 0, max: 10 }) });
    expect(await metrics.registry.metrics()).toContain(
      'ibc_backup_last_success_timestamp_seconds 1767322801',
    );
    down = true;
    const text = await metrics.registry.metrics();
    expect(text).toContain('ibc_backup_last_success_timestamp_seconds 1767322801');
    expect(text).toContain('ibc_db_pool_connections{state="max"} 10');
  });

  it('labels methods from a fixed set and status by class', async () => {
    const metrics = createMetrics();
    metrics.observeHttp('/api/things/:id', 'PROPFIND', 207, 0.01);
    metrics.observeHttp('/api/things/:id', 'GET', 503, 0.2);
    const text = await metrics.registry.metrics();
    expect(text).toContain(
      'ibc_http_request_duration_seconds_count{route="/api/things/:id",method="OTHER",status_class="2xx"} 1',
    );
    expect(text).toContain(
      'ibc_http_request_duration_seconds_count{route="/api/things/:id",method="GET",status_class="5xx"} 1',
    );
  });
});
