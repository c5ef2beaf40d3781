/** How a legacy search or filter-value request may address the columns of one entity. */
export type ColumnValue = string | boolean | null;

export interface Column<Row> {
  kind: 'string' | 'boolean' | 'datetime';
  value: (row: Row) => ColumnValue;
}

export type Columns<Row> = Record<string, Column<Row>>;

export function columnOf<Row>(columns: Columns<Row>, name: string): Column<Row> | undefined {
  return Object.hasOwn(columns, name) ? columns[name] : undefined;
}
