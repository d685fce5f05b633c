import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One successful import of the export: when (the age of the data agents see), what was
 * imported and which rows were rejected (reported, never silently dropped).
 * Times are ISO-8601 UTC text: portable across SQLite and PostgreSQL for a plugin's table.
 */
@Entity('waste_import')
export class WasteImport {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'imported_at', type: 'varchar', length: 30 })
  importedAt!: string;

  @Column({ name: 'rows_imported', type: 'integer' })
  rowsImported!: number;

  @Column({ name: 'rows_rejected', type: 'integer' })
  rowsRejected!: number;

  /** [{ line, reason }] for each rejected row. */
  @Column({ type: 'simple-json' })
  rejections!: { line: number; reason: string }[];
}
