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
 * Every entry below was checked against press reports of the Government Office (VPCP) letters
 * or the Ministry of Labour's (MoLISA) notices; the document numbers and dates are in `sources`,
 * and a number not confirmed is said so. For 2025 the Tết break (25 Jan–2 Feb) needed
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
  // 2014–2023: the public-sector decisions as the press reported them. Years whose breaks follow
  // from the rules alone are still listed, with no swap, so that "checked, nothing to add" is
  // visible in the data. 2021 is not listed: no report of its decision was at hand.
  {
    year: 2014,
    // The break was 28 Jan–5 Feb with 28 and 29 Jan swapped, so the five Tết days must be
    // 30 Jan (30 tháng Chạp)–3 Feb (mùng 4), Sat 1 and Sun 2 Feb compensated on 4 and 5 Feb.
    tetDays: ['2014-01-30', '2014-01-31', '2014-02-01', '2014-02-02', '2014-02-03'],
    swaps: [
      { off: '2014-01-28', work: '2014-01-25', reason: 'Hoán đổi dịp Tết Nguyên Đán 2014 (nghỉ 28/1–5/2)' },
      { off: '2014-01-29', work: '2014-02-08', reason: 'Hoán đổi dịp Tết Nguyên Đán 2014 (nghỉ 28/1–5/2)' },
      { off: '2014-05-02', work: '2014-04-26', reason: 'Hoán đổi dịp 30/4–1/5/2014 (nghỉ 30/4–4/5)' },
      { off: '2014-09-01', work: '2014-09-06', reason: 'Hoán đổi dịp Quốc khánh 2014 (nghỉ 30/8–2/9)' },
    ],
    sources: [
      'VPCP letter 10525/VPCP-KGVX of 12 Dec 2013: Tết 28 Jan–5 Feb 2014 with Sat 25 Jan and Sat 8 Feb worked for Tue 28 and Wed 29 Jan; Fri 2 May off, Sat 26 Apr worked; Mon 1 Sep off, Sat 6 Sep worked (dienbien.edu.vn, 18 Dec 2013; Đắk Lắk notice 02/TB-UBND of 3 Jan 2014 reported by baodaklak.vn; laodong.com.vn; baodongthap.com.vn)',
    ],
    unverified: [
      'The designation of the five Tết days (30 Jan–3 Feb) is inferred from the announced break and swaps; the reports give the break, not the designation.',
    ],
  },
  {
    year: 2015,
    // 29 tháng Chạp (Tue 17 Feb) to mùng 3 (Sat 21 Feb), Sat 21 compensated on Mon 23.
    tetDays: ['2015-02-17', '2015-02-18', '2015-02-19', '2015-02-20', '2015-02-21'],
    swaps: [
      { off: '2015-01-02', work: '2014-12-27', reason: 'Hoán đổi dịp Tết Dương lịch 2015 (nghỉ 1/1–4/1)' },
      { off: '2015-02-16', work: '2015-02-14', reason: 'Hoán đổi dịp Tết Nguyên Đán 2015 (nghỉ 15/2–23/2)' },
      { off: '2015-04-29', work: '2015-04-25', reason: 'Hoán đổi dịp Giỗ Tổ, 30/4–1/5/2015 (nghỉ 28/4–3/5)' },
    ],
    sources: [
      "MoLISA submission 89/TTr-LĐTBXH of 20 Nov 2014, approved by the Prime Minister on 1 Dec 2014 and announced by MoLISA's public-sector notice for 2015 (notice number not confirmed): Sat 27 Dec 2014 worked for Fri 2 Jan; Tết 17–21 Feb + Mon 23 Feb compensatory, Sat 14 Feb worked for Mon 16 Feb; Sat 25 Apr worked for Wed 29 Apr (xahoi.com.vn; viet-jo.com, 2 Dec 2014; baomoi.com)",
    ],
  },
  {
    year: 2016,
    swaps: [],
    sources: [
      "Government meeting of 29 Oct 2015 approving MoLISA's plan: Tết 6–14 Feb 2016, no swap (khachsandanang.net.vn, 30 Oct 2015); Hùng Kings, 30/4–1/5 and 2/9 all next to weekends, no swap (kienthuc.net.vn)",
    ],
  },
  {
    year: 2017,
    swaps: [],
    sources: [
      "Prime Minister's decision announced by MoLISA: Tết 26 Jan–1 Feb 2017 with 31 Jan and 1 Feb compensatory, no swap (batgt.camau.gov.vn; vietnammoi.vn); other holidays by the rules",
    ],
  },
  {
    year: 2018,
    swaps: [],
    sources: [
      "VPCP notice conveying the Prime Minister's decision on the 2018 holidays: Tết 14–20 Feb 2018 (baoninhbinh.org.vn); no swap in 2018, Mon 31 Dec 2018 is the 2019 decision (thukyluat.vn)",
    ],
  },
  {
    year: 2019,
    // 30 tháng Chạp Mậu Tuất (Mon 4 Feb) to mùng 4 Kỷ Hợi (Fri 8 Feb): off Sat 2 – Sun 10 Feb.
    tetDays: ['2019-02-04', '2019-02-05', '2019-02-06', '2019-02-07', '2019-02-08'],
    swaps: [
      {
        off: '2018-12-31',
        work: '2019-01-05',
        reason: 'Hoán đổi dịp Tết Dương lịch 2019 (nghỉ 29/12/2018–1/1/2019)',
      },
      { off: '2019-04-29', work: '2019-05-04', reason: 'Hoán đổi dịp 30/4–1/5/2019 (nghỉ 27/4–1/5)' },
    ],
    sources: [
      'MoLISA notice 3238/TB-LĐTBXH (2018) on the 2019 holidays: Mon 31 Dec 2018 off, Sat 5 Jan 2019 worked; Tết 4–8 Feb 2019; Mon 29 Apr off, Sat 4 May worked (baonghean.vn, 11 Sep 2018; baodautu.vn; docnhanh.vn)',
    ],
  },
  {
    year: 2020,
    swaps: [],
    sources: [
      'Tết 23–29 Jan 2020 with 28 and 29 Jan compensatory; Hùng Kings Thu 2 Apr, 30 Apr–1 May and 2 Sep without swap (kienthuc.net.vn; socongthuong.daklak.gov.vn)',
    ],
  },
  {
    year: 2022,
    // 29 tháng Chạp Tân Sửu (Mon 31 Jan) to mùng 4 Nhâm Dần (Fri 4 Feb): off Sat 29 Jan – Sun 6 Feb.
    tetDays: ['2022-01-31', '2022-02-01', '2022-02-02', '2022-02-03', '2022-02-04'],
    nationalDayAdjacent: '2022-09-01',
    swaps: [],
    sources: [
      "Prime Minister's decision on MoLISA's plan: Tết 31 Jan–4 Feb 2022 (break 29 Jan–6 Feb), National Day 1–2 Sep, no swap (vnfinance.vn, 22 Dec 2021; vnconsulate-fukuoka.org)",
    ],
  },
  {
    year: 2023,
    nationalDayAdjacent: '2023-09-01', // Sat 2 Sep compensated Mon 4 Sep: off 1–4 Sep
    swaps: [],
    sources: [
      'VPCP letter 8056/VPCP-KGVX of 1 Dec 2022: Tết 20–26 Jan 2023, National Day 1–4 Sep 2023; 29 Apr–3 May by the compensation rules, no swap (kiemtientuweb.com; kinhtedothi.vn, 22 Mar 2023)',
    ],
  },
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
