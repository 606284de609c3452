import { DomainRuleError } from '../../../shared/domain/errors';
import { ROLES, TENANT_ROLES, ungrantableRoles } from '../../../shared/domain/roles';
import {
  checkNewTenantId,
  isServed,
  PLATFORM_TENANT,
  tenantIdFor,
  withStatus,
  type TenantRecord,
} from '../../../shared/domain/tenants/tenant';
import { createTenant, createStaff } from '../../../shared/api/schemas/tenants';
import { tenantId } from '../../../shared/api/schemas/common';

const record: TenantRecord = {
  id: 'h98',
  provinceCode: 'H98',
  name: 'Tỉnh Thử',
  status: 'active',
  plan: 'standard',
  contact: { name: 'Văn phòng', email: 'vp@h98.example.vn' },
  createdAt: '2026-12-01T09:00:00+07:00',
  createdBy: 'operator',
};

describe('domain/tenants', () => {
  it('derives a tenant id from the province code that is a valid tenant id; the demo keeps "demo"', () => {
    expect(tenantIdFor('H98')).toBe('h98');
    expect(tenantId.safeParse(tenantIdFor('H01')).success).toBe(true);
    expect(tenantId.safeParse('demo').success).toBe(true);
  });

  it('refuses the platform’s own id and route-like ids for a province', () => {
    for (const id of [PLATFORM_TENANT, 'admin', 'operator', 'public'])
      expect(() => checkNewTenantId(id)).toThrow(DomainRuleError);
    expect(() => checkNewTenantId('h98')).not.toThrow();
  });

  it('suspends and resumes, recording who and when; repeating a change changes nothing', () => {
    const suspended = withStatus(record, 'suspended', 'operator', '2026-12-02T08:00:00+07:00');
    expect(suspended.changed).toBe(true);
    expect(suspended.record).toMatchObject({ status: 'suspended', statusChangedBy: 'operator' });
    const again = withStatus(suspended.record, 'suspended', 'other', '2026-12-03T08:00:00+07:00');
    expect(again).toEqual({ record: suspended.record, changed: false });
    expect(withStatus(suspended.record, 'active', 'operator', 'x').record.status).toBe('active');
  });

  it('serves a tenant unless it is suspended (a tenant without a registry record is served)', () => {
    expect(isServed('active')).toBe(true);
    expect(isServed(undefined)).toBe(true);
    expect(isServed('suspended')).toBe(false);
  });

  it('fixes the time zone: only Asia/Ho_Chi_Minh is accepted, and it is the default', () => {
    const base = {
      provinceCode: 'H98',
      name: 'Tỉnh Thử',
      contact: { name: 'VP', email: 'vp@h98.example.vn' },
      admin: { email: 'qt@h98.example.vn' },
    };
    expect(createTenant.parse(base).timeZone).toBe('Asia/Ho_Chi_Minh');
    expect(createTenant.safeParse({ ...base, timeZone: 'Asia/Bangkok' }).success).toBe(false);
    expect(createTenant.safeParse({ ...base, provinceCode: 'X98' }).success).toBe(false);
  });
});

describe('domain/roles: what a tenant admin may grant', () => {
  it('grants the staff roles, clerk and auditor included', () => {
    expect(
      ungrantableRoles(['reception', 'specialist', 'leader', 'clerk', 'tenantAdmin', 'auditor']),
    ).toEqual([]);
  });

  it('never grants operator, agencySystem or citizen, nor an unknown name', () => {
    expect(ungrantableRoles(['reception', 'operator'])).toEqual(['operator']);
    expect(ungrantableRoles(['agencySystem'])).toEqual(['agencySystem']);
    expect(ungrantableRoles(['citizen', 'root'])).toEqual(['citizen', 'root']);
  });

  it('keeps the tenant roles a subset of the roles tokens may carry, without the platform’s', () => {
    for (const role of TENANT_ROLES) expect(ROLES).toContain(role);
    expect(TENANT_ROLES).not.toContain('operator');
  });

  it('takes any role name in the request, so the grant rule (403) answers, not the schema (400)', () => {
    const input = {
      username: 'h98.tiepnhan',
      name: 'Lê',
      email: 'le@h98.example.vn',
      agency: '000.00.01.H98',
      roles: ['operator'],
    };
    expect(createStaff.safeParse(input).success).toBe(true);
    expect(createStaff.safeParse({ ...input, username: 'A' }).success).toBe(false);
  });
});
