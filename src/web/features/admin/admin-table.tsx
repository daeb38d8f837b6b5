import type { ReactNode } from 'react';
import { cx } from '../../components/cx.ts';
import { ScrollTable } from '../../components/scroll-table.tsx';

const cell = 'border-b border-slate-200 px-3 py-2 text-left align-top text-sm';
const headCell = cx(cell, 'bg-slate-50 font-semibold text-slate-700');

export interface AdminColumn<Row> {
  /** The column heading; also the column's key, so headings in one table must differ. */
  header: string;
  render: (row: Row) => ReactNode;
  /** Right-aligned with tabular figures: counts, money, durations. */
  numeric?: boolean;
  /** The column that names its row, read out before each of the row's other cells. */
  rowHeader?: boolean;
  /** Extra classes for this column's cells (`whitespace-nowrap`, `break-all`…). */
  className?: string;
}

interface AdminTableProps<Row> {
  /** Says what the table holds, for screen readers (the heading above says it for everyone else). */
  caption: string;
  columns: readonly AdminColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
  /** Shown instead of the table when there are no rows. */
  empty?: ReactNode;
}

/** Every table of the admin console: columns described once, rows drawn from them. */
export function AdminTable<Row>({ caption, columns, rows, rowKey, empty }: AdminTableProps<Row>) {
  if (rows.length === 0 && empty) return <p className="text-slate-600">{empty}</p>;
  return (
    <ScrollTable caption={caption} hideCaption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.header} scope="col" className={cx(headCell, column.numeric && 'text-right')}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {columns.map((column) => {
              const className = cx(cell, column.numeric && 'text-right tabular-nums', column.className);
              return column.rowHeader ? (
                <th key={column.header} scope="row" className={className}>
                  {column.render(row)}
                </th>
              ) : (
                <td key={column.header} className={className}>
                  {column.render(row)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
