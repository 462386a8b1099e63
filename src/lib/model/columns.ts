import type { ColumnTable } from 'arquero';

/**
 * A column's values without a copy when the table is neither filtered nor ordered (then
 * Arquero's column is the array it was built from); `table.array()` copies into a new
 * Array, which for a million rows costs more than the loop that reads it.
 */
export function columnValues<T>(table: ColumnTable, name: string): ArrayLike<T> {
  if (table.isFiltered() || table.isOrdered()) return table.array(name) as ArrayLike<T>;
  const column = table.column(name) as unknown;
  if (Array.isArray(column) || ArrayBuffer.isView(column)) return column as unknown as ArrayLike<T>;
  return table.array(name) as ArrayLike<T>;
}
