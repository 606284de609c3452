/**
 * Vietnamese text folded for search: lower case, no tone marks or vowel hats, đ → d, so that a
 * citizen typing "khai sinh" on a phone finds "Đăng ký khai sinh".
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Masks a person's name for public pages: first letter of each word kept ("Nguyễn Văn An" → "N***** V** A*"). */
export function maskName(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .map((word) => {
      const letters = Array.from(word);
      return letters[0] + '*'.repeat(Math.max(letters.length - 1, 1));
    })
    .join(' ');
}
