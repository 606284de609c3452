import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { string } from 'dynamodb-toolbox/schema/string';
import { any } from 'dynamodb-toolbox/schema/any';
import { tenantRegistryKey } from '../../platform/tenant-gate';
import { MainTable } from '../main-table';

export const TenantRecordEntity = new Entity({
  name: 'TenantRecord',
  table: MainTable,
  schema: item({
    id: string().key(),
    provinceCode: string(),
    name: string(),
    status: string().enum('active', 'suspended', 'deleting', 'purged'),
    plan: string().enum('trial', 'standard', 'enterprise'),
    contact: any(),
    createdAt: string(),
    createdBy: string(),
    statusChangedAt: string().optional(),
    statusChangedBy: string().optional(),
    deletion: any().optional(),
    purge: any().optional(),
    exports: any().optional(),
  }),
  computeKey: ({ id }) => tenantRegistryKey(id),
});
