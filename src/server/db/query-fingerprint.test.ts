import { describe, expect, it } from 'vitest';
import { fingerprintQuery } from './client.ts';

describe('fingerprintQuery', () => {
  it('collapses whitespace and masks literals, keeping placeholders', () => {
    const { name } = fingerprintQuery(`select id
        from users   where role = 'admin' and email = $1 and created_at > now() - interval '30 days'
        limit 10`);
    expect(name).toBe(
      'select id from users where role = ? and email = $1 and created_at > now() - interval ? limit ?',
    );
  });

  it('elides drizzle’s long column lists so the table stays visible', () => {
    const { name } = fingerprintQuery(
      'select "id", "name", "email", "email_verified", "image", "role" from "users" where "users"."id" = $1',
    );
    expect(name).toBe('select … from "users" where "users"."id" = $1');
  });

  it('truncates long statements and tells them apart by hash', () => {
    const long = (table: string) => `insert into ${table} (${'column_name, '.repeat(30)}x) values ($1)`;
    const first = fingerprintQuery(long('first_table'));
    const second = fingerprintQuery(long('second_table'));
    expect(first.name.length).toBe(160);
    expect(first.name.endsWith('…')).toBe(true);
    expect(first.hash).toMatch(/^[0-9a-f]{12}$/);
    expect(first.hash).not.toBe(second.hash);
    expect(fingerprintQuery(long('first_table'))).toEqual(first);
  });

  it('does not mistake identifiers with digits for literals', () => {
    expect(fingerprintQuery('select "col1", t2.x from t2 where "a" = $12').name).toBe(
      'select "col1", t2.x from t2 where "a" = $12',
    );
  });
});
