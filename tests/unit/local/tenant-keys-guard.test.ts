/**
 * Issue 11 §3 offline: a deliberately broken handler. Inside a tenant-scoped function's invocation,
 * with credentials the local STS (infra/local/sts.ts, on loopback) issued for tenant h97, the data
 * layer's own client (shared/platform/aws-clients.ts) reading tenant h98's dossier key is refused by
 * the access guard with AccessDeniedException, as the tenant data role's policy refuses it in AWS;
 * its own tenant's key passes. The request never reaches a database: the guard runs at the build
 * step and a stand-in answers after it.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import {
  guardDynamoDbTenantKeys,
  guardS3TenantKeys,
  keyConditionPartitions,
  namedPartitions,
} from '../../../infra/local/access-guard';
import {
  asFunction,
  installEnvironmentOverlay,
  tenantDataEnvironment,
} from '../../../infra/local/function-env';
import { localTenantDataRoleArn, startLocalSts, type LocalSts } from '../../../infra/local/sts';
import {
  getDocumentClient,
  getS3Client,
  onDynamoClient,
  onS3Client,
} from '../../../shared/platform/aws-clients';
import {
  asPlatform,
  inTenantScope,
  SESSION_SECONDS,
  sessionName,
  tenantCredentialCache,
} from '../../../shared/platform/tenant-credentials';

const TABLE = 'mot-cua';
const BUCKET = 'mot-cua-attachments';
let sts: LocalSts;
let undo: () => void;

/** Answers in place of the service, after the guards (build step) ran. */
const answerLocally = (client: DynamoDBClient | S3Client) =>
  (client.middlewareStack as unknown as { add: (mw: unknown, o: unknown) => void }).add(
    () => async () => ({ output: { $metadata: {}, Items: [] }, response: {} }),
    { step: 'finalizeRequest', name: 'answerLocally', priority: 'low' },
  );

beforeAll(async () => {
  undo = installEnvironmentOverlay();
  sts = await startLocalSts({ host: '127.0.0.1', isScopedFunction: (id) => id === 'getDossier' });
  onDynamoClient((client) => {
    guardDynamoDbTenantKeys(client, TABLE, sts);
    answerLocally(client);
  });
  onS3Client((client) => {
    guardS3TenantKeys(client, BUCKET, sts);
    answerLocally(client);
  });
});
afterAll(async () => {
  await sts.stop();
  undo();
});

const env = (id: string) => ({
  AWS_REGION: 'ap-southeast-1',
  AWS_ACCESS_KEY_ID: 'S3RVER',
  AWS_SECRET_ACCESS_KEY: 'S3RVER',
  AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:9',
  AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:9',
  S3_FORCE_PATH_STYLE: 'true',
  AWS_MAX_ATTEMPTS: '1',
  ...tenantDataEnvironment(true, { endpoint: sts.endpoint, roleArn: localTenantDataRoleArn(id) }),
});
const asGetDossier = <T>(body: () => Promise<T>) =>
  asFunction(
    { id: 'getDossier', env: env('getDossier'), access: { table: 'read', bucket: { stored: ['read'] } } },
    body,
  );
const get = (pk: string) =>
  getDocumentClient().send(new GetCommand({ TableName: TABLE, Key: { PK: pk, SK: '#DOSSIER' } }));

describe('a broken handler offline, stopped by its scoped credentials', () => {
  it('refuses tenant h97’s session a read of tenant h98’s dossier, and lets it read its own', async () => {
    await asGetDossier(() =>
      inTenantScope('h97', async () => {
        await expect(get('TENANT#h97#DOSSIER#000.00.01.H97-261201-0001')).resolves.toBeDefined();
        await expect(get('TENANT#h98#DOSSIER#000.00.01.H98-261201-0001')).rejects.toMatchObject({
          name: 'AccessDeniedException',
          message: expect.stringMatching(/partition TENANT#h98#DOSSIER#.*session tenant h97/),
        });
        // A prefix of the tenant id is not the tenant: h9 reaches none of h97's keys.
        await expect(get('TENANT#h9#DOSSIER#X')).rejects.toMatchObject({ name: 'AccessDeniedException' });
      }),
    );
    expect(sts.issued).toBe(1);
  });

  it('refuses a query of another tenant’s work queue on the index', async () => {
    await asGetDossier(() =>
      inTenantScope('h97', async () => {
        const query = (pk: string) =>
          getDocumentClient().send(
            new QueryCommand({
              TableName: TABLE,
              IndexName: 'GSI1',
              KeyConditionExpression: '#p = :p',
              ExpressionAttributeNames: { '#p': 'GSI1PK' },
              ExpressionAttributeValues: { ':p': pk },
            }),
          );
        await expect(query('TENANT#h97#QUEUE#A#clerk')).resolves.toBeDefined();
        await expect(query('TENANT#h98#QUEUE#A#clerk')).rejects.toMatchObject({
          name: 'AccessDeniedException',
        });
      }),
    );
  });

  it('refuses another tenant’s object in the bucket', async () => {
    await asGetDossier(() =>
      inTenantScope('h97', async () => {
        const read = (key: string) => getS3Client().send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
        await expect(read('stored/h97/C/a1/ab/x.pdf')).resolves.toBeDefined();
        await expect(read('stored/h98/C/a1/ab/x.pdf')).rejects.toMatchObject({
          name: 'AccessDeniedException',
        });
      }),
    );
  });

  it('gives code outside the tenant scope the execution role: the platform items only (fails closed)', async () => {
    await asGetDossier(async () => {
      await expect(get('TENANT#h97#DOSSIER#X')).rejects.toMatchObject({
        name: 'AccessDeniedException',
        message: expect.stringMatching(/platform items only/),
      });
      await expect(
        inTenantScope('h97', () =>
          asPlatform(() =>
            getDocumentClient().send(
              new GetCommand({ TableName: TABLE, Key: { PK: 'PLATFORM#TENANTS', SK: 'TENANT#h97' } }),
            ),
          ),
        ),
      ).resolves.toBeDefined();
    });
  });

  it('reuses the session for the tenant (one AssumeRole), and the STS refuses an untagged or foreign role', async () => {
    await asGetDossier(() => inTenantScope('h97', () => get('TENANT#h97')));
    expect(sts.issued).toBe(1);
    await asGetDossier(() => inTenantScope('h98', () => get('TENANT#h98')));
    expect(sts.issued).toBe(2);
    await asGetDossier(async () =>
      expect(tenantCredentialCache().get('h9*')).rejects.toMatchObject({ name: 'AccessDenied' }),
    );
    const foreign = env('putProcedure');
    await asFunction({ id: 'putProcedure', env: foreign, access: { table: 'readWrite' } }, async () =>
      expect(tenantCredentialCache().get('h97')).rejects.toMatchObject({ name: 'AccessDenied' }),
    );
  });

  it('asks STS for the function’s own role, the tenant tag, its session name and one hour', async () => {
    const asked = Date.now();
    const { credentials, name } = await asGetDossier(async () => ({
      credentials: await tenantCredentialCache().get('h99'),
      name: sessionName('h99'),
    }));
    expect(sts.sessionOf(credentials.accessKeyId)).toMatchObject({
      functionId: 'getDossier',
      roleArn: localTenantDataRoleArn('getDossier'),
      tenant: 'h99',
      sessionName: name,
      durationSeconds: SESSION_SECONDS,
    });
    // The expiry STS answered, as a Date, which the cache's refresh timing reads.
    expect(credentials.expiration.getTime() - asked).toBeGreaterThan((SESSION_SECONDS - 60) * 1000);
    expect(credentials.sessionToken).toEqual(expect.any(String));
  });
});

describe('the partitions a request names (dynamodb:LeadingKeys offline)', () => {
  it('reads item keys, transactions, batches and key conditions', () => {
    const S = (s: string) => ({ S: s });
    expect(namedPartitions('GetItem', { Key: { PK: S('A'), SK: S('x') } })).toEqual(['A']);
    expect(
      namedPartitions('TransactWriteItems', {
        TransactItems: [{ Put: { Item: { PK: S('A') } } }, { ConditionCheck: { Key: { PK: S('B') } } }],
      }).sort(),
    ).toEqual(['A', 'B']);
    expect(
      namedPartitions('BatchGetItem', { RequestItems: { t: { Keys: [{ PK: S('A') }, { PK: S('C') }] } } }),
    ).toEqual(['A', 'C']);
    expect(namedPartitions('Scan', {})).toEqual([]);
    expect(
      keyConditionPartitions({
        KeyConditionExpression: '(#c0 = :c0) AND begins_with(SK, :c1)',
        ExpressionAttributeNames: { '#c0': 'PK' },
        ExpressionAttributeValues: { ':c0': S('TENANT#h97'), ':c1': S('X') },
      }),
    ).toEqual(['TENANT#h97']);
  });
});
