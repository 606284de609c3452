/**
 * The drift check (issue 12 §3): every counter of a tenant recomputed from its dossiers — each
 * dossier's brute-force recount (shared/domain/reports/recount.ts) from the dossier and the overdue
 * alarms its clock fired — and compared with the stored counters, figure by figure. `repair` writes
 * the recomputed counters over those that differ. An operator's tool (tools/reports-rebuild.ts):
 * it scans the tenant's dossiers, which no request path ever does.
 */
import { allCounters, counterUpdates, putCounter, scanDossierItems } from '../data/report-repo';
import { FLOW_FIGURES, recountDossier, type Flows, type PeriodLevel } from '../domain/reports';
import type { Dossier } from '../domain/dossier/model';

export interface Difference {
  level: PeriodLevel;
  period: string;
  cell: string;
  figure: string;
  stored: number;
  recomputed: number;
}

export async function rebuildReports(
  tenant: string,
  options: { repair: boolean },
): Promise<{ dossiers: number; counters: number; differences: Difference[] }> {
  const dossiers = new Map<string, { dossier?: Dossier; overdueDueAts: string[] }>();
  for await (const item of scanDossierItems(tenant)) {
    const code = String(item.PK).split('#DOSSIER#')[1];
    const entry = dossiers.get(code) ?? { overdueDueAts: [] };
    if (item.SK === '#DOSSIER') entry.dossier = item.body as Dossier;
    else if (item.type === 'dossier.overdue' && typeof item.dueAt === 'string')
      entry.overdueDueAts.push(item.dueAt);
    dossiers.set(code, entry);
  }
  const increments = [...dossiers.values()].flatMap((e) =>
    e.dossier ? recountDossier({ dossier: e.dossier, overdueDueAts: e.overdueDueAts }) : [],
  );
  const expected = new Map(
    [...counterUpdates(increments).values()].map((u) => [`${u.level}|${u.period}|${u.cell}`, u]),
  );
  const stored = new Map((await allCounters(tenant)).map((c) => [`${c.level}|${c.period}|${c.cell}`, c]));
  const differences: Difference[] = [];
  const toRepair = new Map<string, { level: PeriodLevel; period: string; cell: string; flows: Flows }>();
  for (const key of new Set([...expected.keys(), ...stored.keys()])) {
    const e = expected.get(key);
    const s = stored.get(key);
    const [level, period, cell] = key.split('|') as [PeriodLevel, string, string];
    for (const figure of FLOW_FIGURES) {
      const want = e?.flows[figure] ?? 0;
      const have = s?.flows[figure] ?? 0;
      if (want !== have) {
        differences.push({ level, period, cell, figure, stored: have, recomputed: want });
        toRepair.set(key, {
          level,
          period,
          cell,
          flows: Object.fromEntries(FLOW_FIGURES.map((f) => [f, e?.flows[f] ?? 0])),
        });
      }
    }
  }
  if (options.repair) for (const c of toRepair.values()) await putCounter(tenant, c.level, c);
  return { dossiers: dossiers.size, counters: stored.size, differences };
}
