import type { DataSource } from 'typeorm';
import { AnswerGroup, CaseCategory } from './case.entities';

/** The categories and groups, for showing cases: small tables, read whole. */
export interface CaseDirectory {
  categories: Map<string, CaseCategory>;
  groups: Map<string, AnswerGroup>;
}

/**
 * How long another process's change to the categories or groups may go unseen. They change
 * only when a process starts with a new `cases` config (applyCaseSetup, which also clears
 * this process's copy at once); reading both tables on every registration was 4 of its
 * 10 queries (docs/performance.md).
 */
const MAX_AGE_MS = 5_000;

/**
 * The case categories and answer groups of one database, read whole and kept for a few
 * seconds. Entities handed out are shared: read them, never change them.
 */
export class CaseCatalogue {
  private loaded: { at: number; directory: Promise<CaseDirectory> } | undefined;

  constructor(private readonly dataSource: DataSource) {}

  directory(): Promise<CaseDirectory> {
    const now = Date.now();
    if (!this.loaded || now - this.loaded.at > MAX_AGE_MS) {
      const directory = this.load();
      this.loaded = { at: now, directory };
      // A failed read is not remembered: the next caller asks the database again.
      directory.catch(() => {
        if (this.loaded?.directory === directory) this.loaded = undefined;
      });
    }
    return this.loaded.directory;
  }

  async categoryByKey(key: string): Promise<CaseCategory | undefined> {
    for (const category of (await this.directory()).categories.values())
      if (category.key === key) return category;
    return undefined;
  }

  /** Forgets the copy: the next read goes to the database. */
  invalidate(): void {
    this.loaded = undefined;
  }

  private async load(): Promise<CaseDirectory> {
    const [categories, groups] = await Promise.all([
      this.dataSource.getRepository(CaseCategory).find(),
      this.dataSource.getRepository(AnswerGroup).find(),
    ]);
    return {
      categories: new Map(categories.map((c) => [c.id, c])),
      groups: new Map(groups.map((g) => [g.id, g])),
    };
  }
}

const catalogues = new WeakMap<DataSource, CaseCatalogue>();

/** The one catalogue per database in this process, shared by the case services that read it. */
export function caseCatalogueOf(dataSource: DataSource): CaseCatalogue {
  let catalogue = catalogues.get(dataSource);
  if (!catalogue) {
    catalogue = new CaseCatalogue(dataSource);
    catalogues.set(dataSource, catalogue);
  }
  return catalogue;
}
