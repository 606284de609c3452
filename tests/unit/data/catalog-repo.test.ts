/**
 * The catalog repository against dynamodb-toolbox spies: how agencies and procedures are written
 * and read back, with no TABLE_NAME and no DynamoDB.
 */
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { EntitySpy } from 'dynamodb-toolbox/entity/actions/spy';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { TableSpy } from 'dynamodb-toolbox/table/actions/spy';
import { putAgency, putProcedure } from '../../../shared/data/catalog-repo';
import { getProcedure, getTenant, listAgencies } from '../../../shared/data/catalog-reads';
import { AgencyEntity, MainTable, ProcedureEntity, TenantEntity } from '../../../shared/data/table';
import { demoProcedures, demoTenant } from '../../fixtures/demo-province';

const answered = { $metadata: {} } as never;

describe('data/catalog-repo', () => {
  const spies: Array<{ restore(): void }> = [];
  const spy = <S extends { restore(): void }>(s: S) => (spies.push(s), s);
  beforeEach(() => {
    delete process.env.TABLE_NAME;
  });
  afterEach(() => spies.splice(0).forEach((s) => s.restore()));

  it('stores a top-level agency without a parent attribute (DynamoDB has no use for null)', async () => {
    const agencies = spy(AgencyEntity.build(EntitySpy)).on(PutItemCommand).resolve(answered);
    await putAgency('qt', {
      code: '000.00.12.H45',
      name: 'Sở Tư pháp',
      parent: null,
      receptionPoint: true,
      level: 'province',
    });
    const [item] = agencies.sent(PutItemCommand).args(0) ?? [];
    expect(item).toEqual({
      tenant: 'qt',
      code: '000.00.12.H45',
      name: 'Sở Tư pháp',
      parent: undefined,
      receptionPoint: true,
      level: 'province',
    });
  });

  it('lists agencies by their sort-key prefix and gives the missing parent back as null', async () => {
    const table = spy(MainTable.build(TableSpy));
    table.on(QueryCommand).resolve({
      $metadata: {},
      Items: [{ code: '000.00.12.H45', name: 'Sở Tư pháp', receptionPoint: true, level: 'province' }],
    } as never);
    await expect(listAgencies('qt')).resolves.toEqual([
      { code: '000.00.12.H45', name: 'Sở Tư pháp', parent: null, receptionPoint: true, level: 'province' },
    ]);
    const [, query] = table.sent(QueryCommand).args(0) as unknown as [unknown, object];
    expect(query).toEqual({ partition: 'TENANT#qt', range: { beginsWith: 'AGENCY#' } });
  });

  it('writes a procedure with its accent-folded search text and reads it back whole', async () => {
    const procedure = [...demoProcedures.values()][0]!;
    const procedures = spy(ProcedureEntity.build(EntitySpy));
    procedures.on(PutItemCommand).resolve(answered);
    await putProcedure('qt', procedure);
    const [item] = procedures.sent(PutItemCommand).args(0) ?? [];
    expect(item).toMatchObject({ tenant: 'qt', code: procedure.code, field: procedure.field });
    expect(item?.searchText).toMatch(/^[\x20-\x7e]*$/); // no diacritics left
    expect(item?.searchText).toContain(procedure.code.toLowerCase());

    procedures
      .on(GetItemCommand)
      .resolve({ $metadata: {}, Item: { ...item, definition: procedure } } as never);
    await expect(getProcedure('qt', procedure.code)).resolves.toEqual(procedure);
    expect(procedures.sent(GetItemCommand).args(0)?.[0]).toEqual({ tenant: 'qt', code: procedure.code });
  });

  it('reads the version in force at an instant, and an item written before versions as always in force', async () => {
    const procedure = [...demoProcedures.values()][0]!;
    const procedures = spy(ProcedureEntity.build(EntitySpy));
    const later = { ...procedure, fee: procedure.fee + 1000 };
    procedures.on(GetItemCommand).resolve({
      $metadata: {},
      Item: {
        tenant: 'qt',
        code: procedure.code,
        revision: 2,
        versions: [
          { effectiveFrom: '1970-01-01T00:00:00.000Z', definition: procedure },
          { effectiveFrom: '2026-12-31T17:00:00.000Z', definition: later },
        ],
      },
    } as never);
    await expect(getProcedure('qt', procedure.code, new Date('2026-12-31T16:59:59Z'))).resolves.toEqual(
      procedure,
    );
    await expect(getProcedure('qt', procedure.code, new Date('2026-12-31T17:00:00Z'))).resolves.toEqual(
      later,
    );
    procedures.on(GetItemCommand).resolve({
      $metadata: {},
      Item: { tenant: 'qt', code: procedure.code, definition: procedure },
    } as never);
    await expect(getProcedure('qt', procedure.code, new Date('2000-01-01T00:00:00Z'))).resolves.toEqual(
      procedure,
    );
  });

  it('validates tenant settings on the way out, and answers undefined for an unknown tenant', async () => {
    const tenants = spy(TenantEntity.build(EntitySpy));
    tenants
      .on(GetItemCommand)
      .resolve({ $metadata: {}, Item: { tenant: 'qt', settings: demoTenant } } as never);
    await expect(getTenant('qt')).resolves.toEqual(demoTenant);
    tenants.on(GetItemCommand).resolve(answered);
    await expect(getTenant('nope')).resolves.toBeUndefined();
  });
});
