/**
 * Importing the agency tree or the procedure catalog from a file's lines (issue 10 §3). Every line
 * is parsed and checked here, whatever the client did (the server is authoritative); each gets an
 * outcome: created, updated, unchanged (nothing written: its canonical form equals what is stored)
 * or rejected with its reasons. A dry run answers the same without writing.
 */
import { procedure as procedureSchema, type Agency, type Procedure } from '../api/schemas/catalog-model';
import type { CatalogImportRequest, CatalogImportResult } from '../api/schemas/catalog-import';
import { defaultSteps } from '../domain/catalog/default-steps';
import { parseAgencyLine, parseProcedureLine, type ProcedureLine } from '../domain/catalog/import-rows';
import {
  canonicalJson,
  effectiveInstant,
  versionAt,
  withVersion,
  type Version,
} from '../domain/catalog/versions';
import { DomainRuleError } from '../domain/errors';
import { agenciesByCode, listAgencies, procedureRecords } from '../data/catalog-reads';
import { putAgency, putManyProcedureVersions } from '../data/catalog-repo';
import { clock } from '../platform/clock';
import { ZOD_ENGLISH } from '../platform/zod-english';
import { requireTenantSettings } from './tenant';

type Row = CatalogImportResult['rows'][number];
/** Parallel agency writes (single puts: an agency has no revision to hold). */
const WRITE_CONCURRENCY = 10;

export async function importCatalog(
  tenant: string,
  request: CatalogImportRequest,
): Promise<CatalogImportResult> {
  await requireTenantSettings(tenant);
  const rows =
    request.kind === 'procedures'
      ? await importProcedures(tenant, request)
      : await importAgencies(tenant, request);
  const count = (o: Row['outcome']) => rows.filter((r) => r.outcome === o).length;
  return {
    kind: request.kind,
    dryRun: request.dryRun,
    summary: {
      created: count('created'),
      updated: count('updated'),
      unchanged: count('unchanged'),
      rejected: count('rejected'),
    },
    rows,
  };
}

const rejected = (line: number, code: string | undefined, reasons: string[]): Row => ({
  line,
  ...(code ? { code } : {}),
  outcome: 'rejected',
  reasons,
});

/** Runs `jobs` with at most `limit` at a time. */
async function inParallel(jobs: Array<() => Promise<void>>, limit: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) await jobs[next++]!();
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
}

type ProcedureRequest = Extract<CatalogImportRequest, { kind: 'procedures' }>;

async function importProcedures(tenant: string, request: ProcedureRequest): Promise<Row[]> {
  const now = clock.now();
  if (request.effectiveFrom !== undefined && effectiveInstant(request.effectiveFrom, now) === undefined)
    throw new DomainRuleError(
      422,
      'effective-date-past',
      'body.effectiveFrom',
      'Ngày hiệu lực đã qua: thay đổi không áp dụng hồi tố / the effective date is past: changes are not retroactive',
    );
  const [agencies, records] = await Promise.all([listAgencies(tenant), procedureRecords(tenant)]);
  const seen = new Map<string, number>();
  const writes: Array<{ code: string; versions: Version<Procedure>[]; readRevision: number; row: Row }> = [];
  const rows = request.rows.map(({ line, cells }): Row => {
    const parsed = parseProcedureLine(cells, agencies);
    const code = cells.code?.trim();
    if (!parsed.ok) return rejected(line, code, parsed.reasons);
    const earlier = seen.get(parsed.value.code);
    if (earlier !== undefined)
      return rejected(line, code, [`trùng mã với dòng ${earlier} / same code as line ${earlier}`]);
    seen.set(parsed.value.code, line);

    const at = effectiveInstant(parsed.value.effectiveFrom ?? request.effectiveFrom, now);
    if (!at) return rejected(line, code, ['ngày hiệu lực đã qua / the effective date is past']);
    const record = records.get(parsed.value.code);
    const base = record ? versionAt(record.versions, at)?.definition : undefined;
    // Its rejection reasons are zod's English messages, worded the same under classic zod or zod/mini.
    const built = procedureSchema.safeParse(procedureOf(parsed.value, base, agencies), {
      error: ZOD_ENGLISH,
    });
    if (!built.success)
      return rejected(
        line,
        code,
        built.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
      );
    if (base && canonicalJson(built.data) === canonicalJson(base))
      return { line, code, outcome: 'unchanged' };
    const outcome = record ? 'updated' : 'created';
    const row: Row = { line, code, outcome, effectiveFrom: at.toISOString() };
    const versions = withVersion(record?.versions ?? [], {
      effectiveFrom: at.toISOString(),
      definition: built.data,
    });
    writes.push({ code: built.data.code, versions, readRevision: record?.revision ?? 0, row });
    return row;
  });
  if (request.dryRun || writes.length === 0) return rows;
  // A line that lost a race with another admin's write is not written: it is reported, to import again.
  const lost = await putManyProcedureVersions(tenant, writes, now);
  for (const { code, row } of writes)
    if (lost.has(code))
      Object.assign(row, {
        outcome: 'rejected',
        effectiveFrom: undefined,
        reasons: ['thủ tục vừa được sửa bởi người khác, hãy nhập lại / changed meanwhile: import again'],
      });
  return rows;
}

/**
 * The procedure a line describes. What the layout has no column for is kept from the version it
 * replaces: on-the-spot, suspendable, inter-agency, and the steps — unless the competent agency or
 * the kind of time limit changed (a delegation moves the work, an hours plan does not fit days),
 * when the default plan replaces them, as it does for a new procedure.
 */
function procedureOf(line: ProcedureLine, base: Procedure | undefined, agencies: readonly Agency[]) {
  const { effectiveFrom: _date, ...fields } = line;
  const sameKind = (Object.keys(base?.time ?? {}) as string[]).join() === Object.keys(line.time).join();
  const keepSteps = base !== undefined && base.competent === line.competent && sameKind;
  return {
    ...fields,
    onTheSpot: base?.onTheSpot ?? false,
    suspendable: base?.suspendable ?? false,
    interAgency: base?.interAgency ?? false,
    steps: keepSteps ? base.steps : defaultSteps(line.time, line.competent, agencies),
  };
}

type AgencyRequest = Extract<CatalogImportRequest, { kind: 'agencies' }>;

/**
 * Agencies come whole in one call, so a parent may be on a later line. A line is accepted when its
 * parent is stored or accepted in the same file and no cycle forms; rejecting a line can reject its
 * children, so acceptance runs until nothing more changes.
 */
async function importAgencies(tenant: string, request: AgencyRequest): Promise<Row[]> {
  const existing = await agenciesByCode(tenant);
  const rows: Row[] = [];
  const accepted = new Map<string, { line: number; agency: Agency }>();
  const seen = new Map<string, number>();
  for (const { line, cells } of request.rows) {
    const parsed = parseAgencyLine(cells);
    const code = cells.code?.trim();
    if (!parsed.ok) {
      rows.push(rejected(line, code, parsed.reasons));
      continue;
    }
    const earlier = seen.get(parsed.value.code);
    if (earlier !== undefined) {
      rows.push(rejected(line, code, [`trùng mã với dòng ${earlier} / same code as line ${earlier}`]));
      continue;
    }
    seen.set(parsed.value.code, line);
    accepted.set(parsed.value.code, { line, agency: parsed.value });
    rows.push({ line, code, outcome: 'unchanged' }); // decided below
  }
  const reasonsOf = new Map<string, string>();
  for (let changed = true; changed;) {
    changed = false;
    const tree = new Map<string, Agency>([
      ...existing,
      ...[...accepted].map(([c, a]) => [c, a.agency] as const),
    ]);
    for (const [code, { agency }] of accepted) {
      const reason = treeProblem(agency, tree);
      if (reason) {
        reasonsOf.set(code, reason);
        accepted.delete(code);
        changed = true;
      }
    }
  }
  const writes: Array<() => Promise<void>> = [];
  for (const row of rows) {
    if (row.outcome === 'rejected' || !row.code) continue;
    const reason = reasonsOf.get(row.code);
    if (reason) {
      Object.assign(row, { outcome: 'rejected', reasons: [reason] });
      continue;
    }
    const agency = accepted.get(row.code)!.agency;
    const before = existing.get(row.code);
    if (before && canonicalJson(before) === canonicalJson(agency)) continue;
    row.outcome = before ? 'updated' : 'created';
    if (!request.dryRun) writes.push(() => putAgency(tenant, agency));
  }
  await inParallel(writes, WRITE_CONCURRENCY);
  return rows;
}

function treeProblem(agency: Agency, tree: ReadonlyMap<string, Agency>): string | undefined {
  if (agency.parent === null) return undefined;
  if (!tree.has(agency.parent))
    return `không có cơ quan cha ${agency.parent} (hoặc dòng của nó bị từ chối) / unknown or rejected parent ${agency.parent}`;
  const visited = new Set<string>();
  for (
    let cursor: string | null = agency.parent;
    cursor !== null;
    cursor = tree.get(cursor)?.parent ?? null
  ) {
    if (cursor === agency.code || visited.has(cursor))
      return 'cây cơ quan không được có vòng / the agency tree cannot have a cycle';
    visited.add(cursor);
  }
  return undefined;
}
