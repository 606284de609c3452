import { searchProcedures } from '../../../shared/domain/catalog/search';
import { demoProcedures } from '../../fixtures/demo-province';

const all = [...demoProcedures.values()];

describe('domain/catalog/search', () => {
  describe('searchProcedures', () => {
    it('finds "Đăng ký khai sinh" from "khai sinh" typed without accents', () => {
      expect(searchProcedures(all, { q: 'khai sinh' }).map((p) => p.code)).toEqual(['1.001193']);
    });
    it('needs every word to match', () => {
      expect(searchProcedures(all, { q: 'dang ky dat' }).map((p) => p.code)).toEqual(['1.004227']);
      expect(searchProcedures(all, { q: 'khai sinh dat' })).toEqual([]);
    });
    it('filters by field ignoring accents and case', () => {
      expect(searchProcedures(all, { field: 'dat dai' }).map((p) => p.code)).toEqual(['1.004227']);
      expect(searchProcedures(all, { field: 'Hộ tịch' }).map((p) => p.code)).toEqual(['1.001193']);
    });
    it('finds by procedure code and lists everything in code order without a query', () => {
      expect(searchProcedures(all, { q: '2.000488' }).map((p) => p.code)).toEqual(['2.000488']);
      expect(searchProcedures(all, {}).map((p) => p.code)).toEqual([...all.map((p) => p.code)].sort());
    });
  });
});
