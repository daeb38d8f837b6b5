import { describe, expect, it } from 'vitest';
import { ownedTables, schemaTables } from '../../platform/data-lifecycle/tables.ts';

describe('review runs in the data lifecycle', () => {
  it('are exported and purged with the account, purged after soft delete, and go with their brand', () => {
    const owned = ownedTables(schemaTables()).find((entry) => entry.table.name === 'review_runs');
    expect(owned?.direct).toBe(true);
    const table = schemaTables().find((entry) => entry.name === 'review_runs');
    expect(table?.hasDeletedAt).toBe(true);
    expect(table?.parents).toContainEqual({
      column: 'brand_id',
      parentTable: 'brands',
      parentColumn: 'id',
      cascades: true,
    });
  });
});
