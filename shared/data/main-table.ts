/**
 * The single table (dynamodb-toolbox v2): its keys and its index, nothing else. Each entity lives
 * in its own module under `entities/` so a route bundles only the entities its use cases touch
 * (issue 14: an entity's schema is built when its module loads, so one module of all of them put
 * every entity in every bundle). The key map is in table.ts.
 */
import { Table } from 'dynamodb-toolbox/table';
import { getDocumentClient } from '../platform/aws-clients';
import { ENV, requireEnv } from '../platform/env';
import { TABLE_KEYS } from './keys';

/**
 * Nothing here touches the environment or AWS when the module loads: the name is read and the
 * client made when the first command is sent. So repositories can be imported and unit-tested
 * (with `EntitySpy`, which answers before either is needed) without TABLE_NAME or DynamoDB, and
 * the offline cloud can import the data layer before it has set the environment.
 * The price, against env.ts's "fail at cold start": a function deployed without TABLE_NAME now
 * fails on its first DynamoDB command — in practice still its first request.
 */
export const MainTable = new Table({
  name: () => requireEnv(ENV.tableName),
  partitionKey: { name: TABLE_KEYS.partitionKey, type: 'string' },
  sortKey: { name: TABLE_KEYS.sortKey, type: 'string' },
  indexes: {
    [TABLE_KEYS.gsi1.name]: {
      type: 'global',
      partitionKey: { name: TABLE_KEYS.gsi1.partitionKey, type: 'string' },
      sortKey: { name: TABLE_KEYS.gsi1.sortKey, type: 'string' },
    },
  },
});
// Asked on each send, and not kept: inside a tenant scope the client is the tenant's (its scoped
// credentials, shared/platform/tenant-credentials.ts), outside it the execution role's.
MainTable.getDocumentClient = () => getDocumentClient();
