/** How pages write dates and money for people: Vietnam's time, dd/mm/yyyy HH:mm; VND as `50.000 đ`. */
import { vnParts } from '../domain/vn-time';
import { WORDS, type Lang } from './i18n';

const pad = (n: number) => String(n).padStart(2, '0');

/** `05/02/2027 15:30` in Asia/Ho_Chi_Minh, whatever the machine's zone. */
export function vnDateTime(iso: string): string {
  const p = vnParts(new Date(iso));
  return `${pad(p.day)}/${pad(p.month)}/${p.year} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** `50.000 đ`; `Miễn phí` / `Free` for 0. Grouped by dots, as Vietnamese writes amounts. */
export function vnd(amount: number, free: string): string {
  if (amount === 0) return free;
  return `${String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đ`;
}

/** `50.000 đ`, `2.000 đ/bản` (per copy), `Miễn phí`. */
export function feeText(p: { fee: number; feeUnit: 'dossier' | 'page' | 'copy' }, lang: Lang): string {
  const w = WORDS[lang];
  if (p.fee === 0) return w.free;
  return `${vnd(p.fee, w.free)}${p.feeUnit === 'dossier' ? '' : `${w.per}${w.feeUnit[p.feeUnit]}`}`;
}
