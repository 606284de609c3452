/**
 * The offline stand-in for AWS STS, as much of it as tenant-scoped credentials use
 * (shared/platform/tenant-credentials.ts): `AssumeRole` with session tags, in STS's query protocol
 * (form-encoded `Action=AssumeRole&RoleArn=…&Tags.member.1.Key=tenant&…`, an XML answer).
 *
 * It issues fresh keys per session and remembers what each stands for: the function whose tenant
 * data role was assumed, and the tenant tag. The offline access guard (access-guard.ts) reads the
 * key a request is signed with and holds it to that session's tenant, as the role's policy does in
 * AWS (infra/constructs/tenant-data-role.ts). Neither DynamoDB Local nor s3rver checks credentials
 * against any policy; the keys are also registered with s3rver, which refuses keys it does not know.
 *
 * What it checks, as the role's trust policy does: the role is a tenant-scoped route's, one tag
 * `tenant` whose value is a tenant id (no `#`, `/`, `*`). What it cannot: who calls (every function
 * offline signs with the same base keys), so the role ARN a function is given is the only tie —
 * each function's environment names its own role and no other (function-env.ts).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { TENANT_ID_PATTERN, TENANT_TAG } from '../../shared/api/tenant-scope';
import { LOCAL_ACCOUNT } from './sqs/queues';

/** The tenant data role of a route offline (TENANT_DATA_ROLE_ARN). */
export const localTenantDataRoleArn = (functionId: string) =>
  `arn:aws:iam::${LOCAL_ACCOUNT}:role/motcua-local/tenant-data/${functionId}`;
const functionOfRole = (arn: string) =>
  arn.startsWith(localTenantDataRoleArn('')) ? arn.slice(localTenantDataRoleArn('').length) : undefined;

export interface LocalSession {
  functionId: string;
  roleArn: string;
  tenant: string;
  expiration: Date;
  /** As the caller sent them (the tests check what tenant-credentials.ts asks for). */
  sessionName: string;
  durationSeconds?: number;
}

export interface LocalSts {
  endpoint: string;
  /** The session an access key id was issued for; undefined for any other key (the base keys). */
  sessionOf(accessKeyId: string): LocalSession | undefined;
  /** AssumeRole calls answered (the bench reads it). */
  readonly issued: number;
  stop(): Promise<void>;
}

export interface LocalStsOptions {
  host: string;
  port?: number;
  /** Whether a function id names a tenant-scoped route (only those have a tenant data role). */
  isScopedFunction(functionId: string): boolean;
  /** Called with every key issued, for s3rver's key registry. */
  onIssued?(accessKeyId: string, secretAccessKey: string): void;
}

class StsError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const xml = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
const MAX_SECONDS = 3600;

export async function startLocalSts(options: LocalStsOptions): Promise<LocalSts> {
  const sessions = new Map<string, LocalSession>();
  let issued = 0;

  const assumeRole = (form: URLSearchParams): string => {
    const roleArn = form.get('RoleArn') ?? '';
    const functionId = functionOfRole(roleArn);
    if (functionId === undefined || !options.isScopedFunction(functionId))
      throw new StsError(
        403,
        'AccessDenied',
        `Not authorized to perform sts:AssumeRole on resource: ${roleArn}`,
      );
    const tags = new Map<string, string>();
    for (let i = 1; form.has(`Tags.member.${i}.Key`); i += 1)
      tags.set(form.get(`Tags.member.${i}.Key`)!, form.get(`Tags.member.${i}.Value`) ?? '');
    const tenant = tags.get(TENANT_TAG);
    if (tags.size !== 1 || tenant === undefined || !TENANT_ID_PATTERN.test(tenant))
      throw new StsError(
        403,
        'AccessDenied',
        `Not authorized to perform sts:TagSession on resource: ${roleArn} (one tag "${TENANT_TAG}", a tenant id)`,
      );
    const seconds = Math.min(Number(form.get('DurationSeconds') ?? MAX_SECONDS) || MAX_SECONDS, MAX_SECONDS);
    const accessKeyId = `ASIA${randomBytes(8).toString('hex').toUpperCase()}`;
    const secretAccessKey = randomBytes(30).toString('base64');
    const sessionToken = randomBytes(48).toString('base64');
    const expiration = new Date(Date.now() + seconds * 1000);
    const requested = form.get('DurationSeconds');
    sessions.set(accessKeyId, {
      functionId,
      roleArn,
      tenant,
      expiration,
      sessionName: form.get('RoleSessionName') ?? '',
      durationSeconds: requested === null ? undefined : Number(requested),
    });
    options.onIssued?.(accessKeyId, secretAccessKey);
    issued += 1;
    const sessionName = xml(form.get('RoleSessionName') ?? 'session');
    return (
      `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult>` +
      `<Credentials><AccessKeyId>${accessKeyId}</AccessKeyId><SecretAccessKey>${secretAccessKey}</SecretAccessKey>` +
      `<SessionToken>${sessionToken}</SessionToken><Expiration>${expiration.toISOString()}</Expiration></Credentials>` +
      `<AssumedRoleUser><AssumedRoleId>AROALOCAL${functionId.length}:${sessionName}</AssumedRoleId>` +
      `<Arn>arn:aws:sts::${LOCAL_ACCOUNT}:assumed-role/tenant-data/${sessionName}</Arn></AssumedRoleUser>` +
      `<PackedPolicySize>1</PackedPolicySize></AssumeRoleResult>` +
      `<ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></AssumeRoleResponse>`
    );
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      let status = 200;
      let body: string;
      try {
        if (form.get('Action') !== 'AssumeRole')
          throw new StsError(400, 'InvalidAction', `Could not find operation ${form.get('Action') ?? ''}`);
        body = assumeRole(form);
      } catch (error) {
        const e =
          error instanceof StsError ? error : new StsError(400, 'MalformedInput', 'malformed request');
        status = e.status;
        body =
          `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type>` +
          `<Code>${e.code}</Code><Message>${xml(e.message)}</Message></Error>` +
          `<RequestId>${randomUUID()}</RequestId></ErrorResponse>`;
      }
      res.writeHead(status, { 'content-type': 'text/xml', 'x-amzn-requestid': randomUUID() });
      res.end(body);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://${options.host}:${port}`,
    sessionOf: (accessKeyId) => {
      const session = sessions.get(accessKeyId);
      return session && session.expiration.getTime() > Date.now() ? session : undefined;
    },
    get issued() {
      return issued;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
