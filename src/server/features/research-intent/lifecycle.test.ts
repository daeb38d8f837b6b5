import { describe, expect, it } from 'vitest';
import { ownedTables, schemaTables } from '../../platform/data-lifecycle/tables.ts';

describe('buyer-intent research in the data lifecycle', () => {
  it('exports and purges both tables with the account, and purges soft-deleted runs after retention', () => {
    const owned = ownedTables(schemaTables()).filter((entry) => entry.table.name.startsWith('research_'));
    expect(owned.map((entry) => [entry.table.name, entry.direct]).sort()).toEqual([
      ['research_brand_names', true],
      ['research_intent_runs', true],
    ]);
    const softDeleted = schemaTables()
      .filter((table) => table.hasDeletedAt)
      .map((table) => table.name);
    expect(softDeleted).toContain('research_intent_runs');
    // Both go with their brand when it is removed for good.
    for (const name of ['research_intent_runs', 'research_brand_names']) {
      const table = schemaTables().find((entry) => entry.name === name);
      expect(table?.parents).toContainEqual({
        column: 'brand_id',
        parentTable: 'brands',
        parentColumn: 'id',
        cascades: true,
      });
    }
  });
});
