import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { childrenFirst, describeTables, ownedTables, schemaTables } from './tables.ts';

const users = pgTable('users', { id: uuid('id').primaryKey() });
const notebooks = pgTable('notebooks', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
  deletedAt: timestamp('deleted_at'),
});
const pages = pgTable('pages', {
  id: uuid('id').primaryKey(),
  notebookId: uuid('notebook_id').references(() => notebooks.id, { onDelete: 'cascade' }),
});
const comments = pgTable('comments', {
  id: uuid('id').primaryKey(),
  pageId: uuid('page_id').references(() => pages.id, { onDelete: 'cascade' }),
});
// A reference that does not cascade is not ownership (e.g. a lead pointing at a result).
const citations = pgTable(
  'citations',
  {
    id: uuid('id').primaryKey(),
    pageId: uuid('page_id').references(() => pages.id, { onDelete: 'set null' }),
  },
  (table) => [index('citations_page_id_idx').on(table.pageId)],
);
const settings = pgTable('settings', { key: text('key').primaryKey() });

const tables = describeTables([users, notebooks, pages, comments, citations, settings]);

describe('schema discovery for the data lifecycle', () => {
  it('finds user_id and deleted_at columns and single-column links', () => {
    const notebook = tables.find((table) => table.name === 'notebooks');
    expect(notebook).toMatchObject({ hasUserId: true, hasDeletedAt: true });
    expect(notebook?.parents).toEqual([
      { column: 'user_id', parentTable: 'users', parentColumn: 'id', cascades: true },
    ]);
  });

  it('owns rows directly by user_id and through cascading links of any depth, never through set-null ones', () => {
    const owned = ownedTables(tables);
    expect(owned.map((entry) => [entry.table.name, entry.direct])).toEqual([
      ['notebooks', true],
      ['pages', false],
      ['comments', false],
    ]);
    expect(owned.find((entry) => entry.table.name === 'comments')?.condition).toBe(
      '"page_id" in (select "id" from "pages" where "notebook_id" in (select "id" from "notebooks" where "user_id" = $1))',
    );
  });

  it('orders tables children first, so deletes never trip a foreign key', () => {
    const order = childrenFirst(tables).map((table) => table.name);
    const expectBefore = (child: string, parent: string) =>
      expect(order.indexOf(child)).toBeLessThan(order.indexOf(parent));
    expectBefore('notebooks', 'users');
    expectBefore('pages', 'notebooks');
    expectBefore('comments', 'pages');
    expectBefore('citations', 'pages');
    expect(order).toHaveLength(6);
  });

  it('sees the real schema: chat messages are owned through their session, users are not "owned"', () => {
    const real = ownedTables(schemaTables());
    const names = real.map((entry) => entry.table.name);
    expect(names).toEqual(expect.arrayContaining(['diagnostic_results', 'chat_sessions', 'chat_messages']));
    expect(names).not.toContain('users');
    expect(real.find((entry) => entry.table.name === 'chat_messages')?.direct).toBe(false);
    const softDeleted = schemaTables()
      .filter((table) => table.hasDeletedAt)
      .map((table) => table.name);
    expect(softDeleted).toEqual(expect.arrayContaining(['diagnostic_results', 'chat_sessions', 'leads']));
  });
});
