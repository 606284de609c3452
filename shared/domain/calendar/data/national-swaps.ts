/**
 * The Government's yearly holiday decisions for the public sector (cán bộ, công chức, viên chức),
 * kept as data so that next year's announcement is a data change, not a code change.
 *
 * Per year:
 *  - `tetDays`: the five statutory Tết days the Prime Minister designated (the law leaves the
 *    choice to him). Weekend days among them get compensatory days by the general rule.
 *  - `nationalDayAdjacent`: the designated day next to 2 September (since 2021).
 *  - `swaps`: "hoán đổi ngày làm việc": a weekday given off, paid back by working a Saturday.
 *    Applied only when a tenant keeps `useNationalSwaps` (the default).
 *
 * Every entry below was checked against press reports of the Government Office (VPCP) letters;
 * the document numbers and dates are in `sources`. For 2025 the Tết break (25 Jan–2 Feb) needed
 * no swap: it is 5 statutory weekdays between two weekends (the "work Saturday 8 February" seen
 * in some lists is the Chinese 2025 schedule, not Vietnam's).
 */
import type { IsoDate } from '../civil-date';

export interface NationalSwap {
  /** Working day given off. */
  off: IsoDate;
  /** Weekly rest day worked in return. */
  work: IsoDate;
  reason: string;
}

export interface NationalYearDecision {
  year: number;
  tetDays?: IsoDate[];
  nationalDayAdjacent?: IsoDate;
  swaps: NationalSwap[];
  /** Where each fact comes from: the Government Office letter and a report of it. */
  sources: string[];
  /** Anything not confirmed from the announcement itself. */
  unverified?: string[];
}

export const NATIONAL_DECISIONS: readonly NationalYearDecision[] = [
  {
    year: 2024,
    // 29 tháng Chạp Quý Mão (Thu 8 Feb) to mùng 3 (Mon 12 Feb); 10–11 Feb fall on the weekend,
    // so 13–14 Feb are compensatory: off 8–14 Feb, no Saturday worked.
    tetDays: ['2024-02-08', '2024-02-09', '2024-02-10', '2024-02-11', '2024-02-12'],
    nationalDayAdjacent: '2024-09-03', // off Sat 31 Aug – Tue 3 Sep
    swaps: [{ off: '2024-04-29', work: '2024-05-04', reason: 'Hoán đổi dịp 30/4–1/5/2024 (nghỉ 27/4–1/5)' }],
    sources: [
      'VPCP letter 8662/VPCP-KGVX of 3 Nov 2023: Tết 8–14 Feb 2024, National Day 31 Aug–3 Sep 2024 (baotintuc.vn, kinhtedothi.vn, 3 Nov 2023)',
      'VPCP letter 2450/VPCP-KGVX of 12 Apr 2024: Mon 29 Apr off, Sat 4 May worked (baophapluat.vn; xaydungchinhsach.chinhphu.vn, 20 Apr 2024)',
    ],
  },
  {
    year: 2025,
    // 28 tháng Chạp Giáp Thìn (Mon 27 Jan) to mùng 3 Ất Tỵ (Fri 31 Jan): off Sat 25 Jan – Sun 2 Feb.
    tetDays: ['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'],
    nationalDayAdjacent: '2025-09-01', // off Sat 30 Aug – Tue 2 Sep
    swaps: [{ off: '2025-05-02', work: '2025-04-26', reason: 'Hoán đổi dịp 30/4–1/5/2025 (nghỉ 30/4–4/5)' }],
    sources: [
      'VPCP letter 8726/VPCP-KGVX of 26 Nov 2024: Tết 25 Jan–2 Feb 2025, five Tết days 27–31 Jan (en.sggp.org.vn, 27 Nov 2024; MoLISA plan of 3 Dec 2024)',
      '30 Apr–4 May 2025 off, Sat 26 Apr worked in exchange for Fri 2 May (vietnamnews.vn, 4 Mar 2025; en.baochinhphu.vn)',
      'National Day 30 Aug–2 Sep 2025 with 1 Sep as the adjacent day (Ministry of Home Affairs; en.sggp.org.vn and vietnamnews.vn, 3–4 Aug 2025)',
    ],
  },
  {
    year: 2026,
    // 29 tháng Chạp Ất Tỵ (Mon 16 Feb) to mùng 4 Bính Ngọ (Fri 20 Feb): off Sat 14 – Sun 22 Feb.
    tetDays: ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'],
    nationalDayAdjacent: '2026-09-01', // with the swap below: off Sat 29 Aug – Wed 2 Sep
    swaps: [
      { off: '2026-01-02', work: '2026-01-10', reason: 'Hoán đổi dịp Tết Dương lịch 2026 (nghỉ 1/1–4/1)' },
      { off: '2026-08-31', work: '2026-08-22', reason: 'Hoán đổi dịp Quốc khánh 2026 (nghỉ 29/8–2/9)' },
    ],
    sources: [
      'VPCP letter 12729/VPCP-KGVX of 25 Dec 2025: New Year 1–4 Jan 2026, Fri 2 Jan swapped with Sat 10 Jan (press reports of 25 Dec 2025)',
      "Prime Minister's decision conveyed by VPCP on 13 Oct 2025: Tết 14–22 Feb 2026 (5 Tết days + 4 weekend days); National Day 29 Aug–2 Sep 2026 with 1 Sep adjacent and Mon 31 Aug swapped with Sat 22 Aug (thanhnien.vn, kienthuc.net.vn, 13 Oct 2025)",
      "Hùng Kings' day Sun 26 Apr 2026 → compensatory Mon 27 Apr; 30 Apr–1 May are Thu–Fri, no swap (thanhnien.vn, 23 Feb 2026)",
    ],
    unverified: [
      'The VPCP document number for the 13 Oct 2025 Tết/National Day decision was not found in the reports.',
    ],
  },
];

export function nationalDecisionFor(year: number): NationalYearDecision | undefined {
  return NATIONAL_DECISIONS.find((d) => d.year === year);
}
