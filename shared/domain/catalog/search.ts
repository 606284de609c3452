/** Catalog search: filter by field, and free text that ignores tone marks and case. */
import type { Procedure } from './model';
import { foldVietnamese } from '../text';

export interface CatalogQuery {
  field?: string;
  q?: string;
}

/** Generic, so a caller holding a richer procedure record gets that record back. */
export function searchProcedures<P extends Procedure>(procedures: readonly P[], query: CatalogQuery): P[] {
  const field = query.field ? foldVietnamese(query.field) : undefined;
  const words = query.q ? foldVietnamese(query.q).split(' ').filter(Boolean) : [];
  return procedures
    .filter((p) => field === undefined || foldVietnamese(p.field) === field)
    .filter((p) => {
      if (words.length === 0) return true;
      const haystack = foldVietnamese(`${p.code} ${p.name} ${p.field}`);
      return words.every((w) => haystack.includes(w));
    })
    .sort((a, b) => a.code.localeCompare(b.code));
}
