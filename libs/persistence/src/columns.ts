import { Column, type ColumnOptions } from 'typeorm';
import { databaseKind } from './database-kind';

/**
 * The column type for an instant in time: `timestamptz` on PostgreSQL (so values are
 * UTC whatever the server's zone), `datetime` on SQLite (which TypeORM stores as UTC text).
 * SQLite has no timestamptz, hence the one place that knows both.
 */
export function instantColumnType(): 'timestamptz' | 'datetime' {
  return databaseKind() === 'postgres' ? 'timestamptz' : 'datetime';
}

export function InstantColumn(options: Omit<ColumnOptions, 'type'> = {}): PropertyDecorator {
  return Column({ ...options, type: instantColumnType() });
}

/** The column type for bytes (a stored attachment): `bytea` on PostgreSQL, `blob` on SQLite. */
export function binaryColumnType(): 'bytea' | 'blob' {
  return databaseKind() === 'postgres' ? 'bytea' : 'blob';
}
