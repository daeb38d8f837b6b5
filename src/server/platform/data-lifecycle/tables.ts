/**
 * What the data lifecycle knows about the schema, discovered from drizzle's table definitions rather
 * than listed by hand — so a table added later is exported, purged and cleaned without anyone
 * remembering to register it:
 * - a table with a `user_id` column is owned by that user (export and account purge);
 * - a table without one, whose rows hang off an owned table by a cascading foreign key (e.g. chat
 *   messages under a chat session), is owned through its parent (export; purge follows the cascade);
 * - a table with `deleted_at` holds soft-deleted rows that the retention job purges.
 */
import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import * as schema from '../../db/schema.ts';

export interface ParentLink {
  column: string;
  parentTable: string;
  parentColumn: string;
  cascades: boolean;
}

export interface TableInfo {
  name: string;
  columns: string[];
  hasUserId: boolean;
  hasDeletedAt: boolean;
  /** Single-column foreign keys to other tables. */
  parents: ParentLink[];
}

export function describeTables(tables: readonly PgTable[]): TableInfo[] {
  return tables.map((table) => {
    const config = getTableConfig(table);
    const columns = config.columns.map((column) => column.name);
    const parents: ParentLink[] = [];
    for (const foreignKey of config.foreignKeys) {
      const reference = foreignKey.reference();
      const [column] = reference.columns;
      const [parentColumn] = reference.foreignColumns;
      if (reference.columns.length !== 1 || !column || !parentColumn) continue;
      parents.push({
        column: column.name,
        parentTable: getTableConfig(reference.foreignTable).name,
        parentColumn: parentColumn.name,
        cascades: foreignKey.onDelete === 'cascade',
      });
    }
    return {
      name: config.name,
      columns,
      hasUserId: columns.includes('user_id'),
      hasDeletedAt: columns.includes('deleted_at'),
      parents,
    };
  });
}

/** Every table the schema module exports, in definition order. */
export function schemaTables(): TableInfo[] {
  return describeTables(
    (Object.values(schema) as unknown[]).filter((value): value is PgTable => is(value, PgTable)),
  );
}

/**
 * Orders tables so that a table comes before every table it references (children first), which is
 * the order that deletes succeed in whatever the foreign keys' `on delete` rules are.
 */
export function childrenFirst(tables: readonly TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((table) => [table.name, table]));
  const ordered: TableInfo[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  // Visit referencing tables before the referenced one; post-order gives parents last.
  const referencedBy = new Map<string, TableInfo[]>();
  for (const table of tables) {
    for (const parent of table.parents) {
      if (parent.parentTable === table.name) continue;
      referencedBy.set(parent.parentTable, [...(referencedBy.get(parent.parentTable) ?? []), table]);
    }
  }
  function visit(table: TableInfo): void {
    if (state.get(table.name)) return;
    state.set(table.name, 'visiting');
    for (const child of referencedBy.get(table.name) ?? []) if (byName.has(child.name)) visit(child);
    state.set(table.name, 'done');
    ordered.push(table);
  }
  for (const table of tables) visit(table);
  return ordered;
}

export interface OwnedTable {
  table: TableInfo;
  /** SQL condition selecting the user's rows, with the user id as `$1`. */
  condition: string;
  /** True when ownership is the table's own `user_id`; false when it comes through a parent. */
  direct: boolean;
}

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/**
 * The tables holding rows a user owns, with the condition that finds them. The `users` table itself
 * is not included (its row is the account, handled on its own).
 */
export function ownedTables(tables: readonly TableInfo[]): OwnedTable[] {
  const owned = new Map<string, OwnedTable>();
  for (const table of tables) {
    if (table.name === 'users' || !table.hasUserId) continue;
    owned.set(table.name, { table, condition: `${quote('user_id')} = $1`, direct: true });
  }
  // Follow cascading links outward until nothing new is found (a chain of any depth).
  let added = true;
  while (added) {
    added = false;
    for (const table of tables) {
      if (table.name === 'users' || owned.has(table.name)) continue;
      const link = table.parents.find((parent) => parent.cascades && owned.has(parent.parentTable));
      const parent = link && owned.get(link.parentTable);
      if (!link || !parent) continue;
      owned.set(table.name, {
        table,
        condition: `${quote(link.column)} in (select ${quote(link.parentColumn)} from ${quote(parent.table.name)} where ${parent.condition})`,
        direct: false,
      });
      added = true;
    }
  }
  return [...owned.values()];
}

export { quote as quoteIdentifier };
