import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { compiledStatement, placeholder } from './client.ts';
import { brands } from './schema.ts';

function recordingDatabase() {
  const calls: { text: string; params: unknown[] | undefined; prepared: boolean | undefined }[] = [];
  return {
    calls,
    async query<Row extends Record<string, unknown>>(
      text: string,
      params?: unknown[],
      options?: { prepared?: boolean },
    ): Promise<Row[]> {
      calls.push({ text, params, prepared: options?.prepared });
      return [];
    },
  };
}

describe('compiledStatement', () => {
  it('composes the SQL once and sends each run’s values, prepared, in placeholder order', async () => {
    let builds = 0;
    const statement = compiledStatement(() => {
      builds += 1;
      return sql`select ${brands.id} from ${brands} where ${brands.userId} = ${placeholder('user')}
        and ${brands.name} in (${placeholder('name')}, ${placeholder('name')}) limit ${10}`;
    });
    const database = recordingDatabase();
    await statement(database, { user: 'u1', name: 'Acme' });
    await statement(database, { user: 'u2', name: 'Beta' });
    expect(builds).toBe(1);
    expect(database.calls.map((call) => call.params)).toEqual([
      ['u1', 'Acme', 'Acme', 10],
      ['u2', 'Beta', 'Beta', 10],
    ]);
    expect(database.calls[0]?.text).toBe(database.calls[1]?.text);
    expect(database.calls[0]?.text).toContain('"brands"."user_id" = $1');
    expect(database.calls.every((call) => call.prepared)).toBe(true);
  });

  it('refuses a run that leaves a placeholder without a value', async () => {
    const statement = compiledStatement(() => sql`select ${placeholder('missing')}::int`);
    await expect(statement(recordingDatabase(), {})).rejects.toThrow(/"missing"/);
  });
});
