import { describe, expect, it } from 'vitest';
import {
  APPROVED_CONTRACTS,
  destructiveStatements,
  incompatibleChanges,
  readMigrations,
  type Snapshot,
  type SnapshotColumn,
} from './migration-compatibility.ts';

const migrations = readMigrations();
const approvedFor = (tag: string) =>
  APPROVED_CONTRACTS.find((contract) => contract.migration === tag)?.changes ?? [];

describe('the repository’s migrations (ADR 0050)', () => {
  it('each keeps the release before it running, apart from the approved contracts', () => {
    expect(migrations.length).toBeGreaterThan(20);
    const found = migrations.slice(1).map((migration, index) => ({
      migration: migration.tag,
      changes: incompatibleChanges(
        (migrations[index] as (typeof migrations)[number]).snapshot,
        migration.snapshot,
      ),
    }));
    // Exactly the approved changes: an unapproved break fails, and so does an approval that no
    // longer matches what its migration does.
    expect(found.filter((entry) => entry.changes.length > 0)).toEqual(
      found
        .filter((entry) => approvedFor(entry.migration).length > 0)
        .map((entry) => ({ migration: entry.migration, changes: [...approvedFor(entry.migration)].sort() })),
    );
  });

  it('drop, rename or retype nothing in their SQL unless approved as a contract', () => {
    const offending = migrations
      .map((migration) => ({ migration: migration.tag, statements: destructiveStatements(migration.sql) }))
      .filter((entry) => entry.statements.length > 0 && approvedFor(entry.migration).length === 0);
    expect(offending).toEqual([]);
  });

  it('approve contracts only for migrations that exist, each with its reason', () => {
    const tags = new Set(migrations.map((migration) => migration.tag));
    for (const contract of APPROVED_CONTRACTS) {
      expect(tags.has(contract.migration), contract.migration).toBe(true);
      expect(contract.changes.length).toBeGreaterThan(0);
      expect(contract.why.length).toBeGreaterThan(20);
    }
  });
});

const column = (name: string, type: string, notNull: boolean, extra: Partial<SnapshotColumn> = {}) => ({
  [name]: { name, type, notNull, ...extra },
});

/** Release k-1's schema: users (id, email, nickname?) and posts (id, title, body?). */
const previous: Snapshot = {
  tables: {
    'public.users': {
      name: 'users',
      schema: '',
      columns: {
        ...column('id', 'uuid', true, { default: 'gen_random_uuid()' }),
        ...column('email', 'text', true),
        ...column('nickname', 'text', false),
      },
    },
    'public.posts': {
      name: 'posts',
      schema: '',
      columns: {
        ...column('id', 'uuid', true, { default: 'gen_random_uuid()' }),
        ...column('title', 'text', true),
        ...column('body', 'text', false),
      },
    },
  },
};

describe('incompatibleChanges on a synthetic pair of snapshots', () => {
  it('accepts an expand-only migration: new table, nullable and defaulted columns, generated ones', () => {
    const next: Snapshot = {
      tables: {
        'public.users': {
          ...(previous.tables['public.users'] as Snapshot['tables'][string]),
          columns: {
            ...previous.tables['public.users']?.columns,
            ...column('bio', 'text', false),
            ...column('plan', 'text', true, { default: "'free'" }),
            ...column('seq', 'integer', true, { identity: { type: 'always' } }),
            ...column('email_lower', 'text', true, { generated: { as: 'lower(email)', type: 'stored' } }),
            // A column becoming nullable only loosens what the previous release must send.
            ...column('email', 'text', false),
          },
        },
        'public.posts': previous.tables['public.posts'] as Snapshot['tables'][string],
        'public.tags': {
          name: 'tags',
          schema: '',
          columns: { ...column('id', 'uuid', true), ...column('label', 'text', true) },
        },
      },
    };
    expect(incompatibleChanges(previous, next)).toEqual([]);
  });

  it('reports every way the previous release would break', () => {
    const next: Snapshot = {
      tables: {
        // posts dropped (or renamed: the old name is gone either way)
        'public.articles': previous.tables['public.posts'] as Snapshot['tables'][string],
        'public.users': {
          name: 'users',
          schema: '',
          columns: {
            ...column('id', 'text', true, { default: 'gen_random_uuid()' }),
            // email renamed to address: the old name is gone, the new one needs a value
            ...column('address', 'text', true),
            ...column('nickname', 'text', true),
            ...column('country', 'text', true),
          },
        },
      },
    };
    expect(incompatibleChanges(previous, next)).toEqual([
      'add not null column without default users.address',
      'add not null column without default users.country',
      'drop column users.email',
      'drop table posts',
      'retype column users.id (uuid → text)',
      'set not null users.nickname',
    ]);
  });

  it('names tables outside public with their schema', () => {
    const inSchema = (columns: Snapshot['tables'][string]['columns']): Snapshot => ({
      tables: { 'audit.events': { name: 'events', schema: 'audit', columns } },
    });
    expect(
      incompatibleChanges(inSchema(column('id', 'uuid', true)), inSchema(column('key', 'uuid', false))),
    ).toEqual(['drop column audit.events.id']);
  });
});

describe('destructiveStatements', () => {
  it('finds drops, renames and retypes, ignoring comments and harmless statements', () => {
    const sql = [
      '-- drop column in a comment does not count; nor does DROP TABLE /* here */',
      'ALTER TABLE "users" ADD COLUMN "bio" text;',
      '/* ALTER TABLE "users" DROP COLUMN "x"; */',
      'CREATE INDEX "users_bio_idx" ON "users" ("bio");--> statement-breakpoint',
      'ALTER TABLE "users" DROP COLUMN "nickname";--> statement-breakpoint',
      'DROP TABLE "posts" CASCADE;',
      'ALTER TABLE "users" RENAME COLUMN "email" TO "address";',
      'ALTER TABLE "tags" RENAME TO "labels";',
      'ALTER TABLE "users" RENAME CONSTRAINT "a" TO "b";',
      'ALTER TABLE "users" ALTER COLUMN "id" SET DATA TYPE text;',
      'ALTER TABLE "users" ALTER COLUMN "age" TYPE bigint;',
      'ALTER TABLE "users" ALTER COLUMN "age" DROP NOT NULL;',
    ].join('\n');
    expect(destructiveStatements(sql).map((hit) => hit.split(':')[0])).toEqual([
      'drop column',
      'drop table',
      'rename',
      'rename',
      'retype column',
      'retype column',
    ]);
    expect(destructiveStatements(sql)[0]).toBe('drop column: ALTER TABLE "users" DROP COLUMN "nickname"');
  });
});
