import { foldVietnamese, maskName } from '../../../shared/domain/text';

describe('domain/text', () => {
  describe('foldVietnamese', () => {
    it('removes tone marks, hats and the stroke of đ so unaccented input matches', () => {
      expect(foldVietnamese('Đăng ký khai sinh')).toBe('dang ky khai sinh');
      expect(foldVietnamese('Cấp Phiếu lý lịch tư pháp')).toBe('cap phieu ly lich tu phap');
      expect(foldVietnamese('  ĐẤT   ĐAI ')).toBe('dat dai');
    });
  });
  describe('maskName', () => {
    it('keeps only the first letter of each word', () => {
      expect(maskName('Nguyễn Văn An')).toBe('N***** V** A*');
    });
    it('still hides a one-letter word', () => {
      expect(maskName('Lê Y')).toBe('L* Y*');
    });
  });
});
