/**
 * The fields of the MOSIP entity that a legacy search or filter-value request addresses, by the names the entity
 * declares (MOSIP checks request columns against the JPA entity, not against the DTO it answers with).
 */
export type ColumnValue = string | boolean | null;

export interface Column<Row> {
  /** `datetime` values are ISO date-times; one without a zone is UTC (MOSIP's LocalDateTime columns). */
  kind: 'string' | 'boolean' | 'datetime';
  value: (row: Row) => ColumnValue;
  /** False where MOSIP's response DTO has no field of this name: its in-memory re-sort then refuses it (PMS-MSD-357). */
  sortable: boolean;
}

export type Columns<Row> = Record<string, Column<Row>>;

interface ColumnOptions {
  sortable?: boolean;
}

export function stringColumn<Row>(value: (row: Row) => string | null, { sortable = true }: ColumnOptions = {}): Column<Row> {
  return { kind: 'string', value, sortable };
}

export function booleanColumn<Row>(value: (row: Row) => boolean | null, { sortable = true }: ColumnOptions = {}): Column<Row> {
  return { kind: 'boolean', value, sortable };
}

export function dateTimeColumn<Row>(value: (row: Row) => string | null, { sortable = true }: ColumnOptions = {}): Column<Row> {
  return { kind: 'datetime', value, sortable };
}

/** The column of exactly that name, as JPA's `root.get(name)` resolves it. */
export function columnNamed<Row>(columns: Columns<Row>, name: string | null | undefined): Column<Row> | undefined {
  return typeof name === 'string' && Object.hasOwn(columns, name) ? columns[name] : undefined;
}

/** Whether the entity declares a field of that name; MOSIP's reflective checks compare names ignoring case. */
export function declaresColumn<Row>(columns: Columns<Row>, name: string): boolean {
  const wanted = name.toLowerCase();
  return Object.keys(columns).some((column) => column.toLowerCase() === wanted);
}

/** Milliseconds since the epoch of a column's date-time. */
export function epochMillis(dateTime: string): number {
  return Date.parse(/(Z|[+-]\d{2}:\d{2})$/.test(dateTime) ? dateTime : `${dateTime}Z`);
}
