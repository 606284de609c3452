/**
 * The platform operator's CLI over the operator API (the same HTTP calls against `npm start` and a
 * deployed stack):
 *
 *   npm run tenant -- create --code H98 --name "Tỉnh Mới" --admin-email qt@h98.gov.vn
 *                            [--id h98] [--admin-username h98.quantri] [--plan trial|standard|enterprise]
 *                            [--contact-name …] [--contact-email …] [--contact-phone …]
 *   npm run tenant -- list                                (with each province's health)
 *   npm run tenant -- get|suspend|resume <tenant id>      (resume also restores a deleted one before its purge)
 *   npm run tenant -- add-admin <tenant id> --email … [--username …] [--name …]
 *   npm run tenant -- delete <tenant id> [--grace-days 30] (suspend first; purged after the grace period)
 *   npm run tenant -- export <tenant id> --out <dir> [--local]  (JSON lines + scans + manifest, verified:
 *                                                          tools/tenant-export.ts)
 *   npm run tenant -- purge <tenant id> [--local]         (after the grace period; AWS credentials, not a token:
 *                                                          tools/tenant-purge.ts)
 *   npm run tenant -- audit-purge <tenant id> --before YYYY-MM-DD [--since …] [--local]
 *                                                         (audit records past the retention: tools/audit-purge.ts)
 *
 * Common: --endpoint <API base url> (MOTCUA_API, default http://localhost:3000), --token <operator
 * ID token> (MOTCUA_OPERATOR_TOKEN or TOKEN_OPERATOR, as `npm start` prints), --json (print the
 * API's answer as JSON, for scripts).
 */
import { fail, parseArgs, stringOption, type Args } from './cli/args';
import { exportCommand } from './tenant-export';
import { purgeCommand } from './tenant-purge';
import { auditPurgeCommand } from './audit-purge';

interface Problem {
  title?: string;
  detail?: string;
  status?: number;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const [command, id] = args.positional;
  // The purge runs with the operator's AWS credentials, not through the API (tenant-purge.ts).
  if (command === 'purge') return purgeCommand(id, args);
  if (command === 'export') return exportCommand(id, args);
  if (command === 'audit-purge') return auditPurgeCommand(id, args);
  const endpoint = (
    stringOption(args, 'endpoint') ??
    process.env.MOTCUA_API ??
    'http://localhost:3000'
  ).replace(/\/$/, '');
  const token =
    stringOption(args, 'token') ?? process.env.MOTCUA_OPERATOR_TOKEN ?? process.env.TOKEN_OPERATOR;
  if (!token)
    fail(
      'Thiếu token của đơn vị vận hành: --token hoặc TOKEN_OPERATOR / no operator token: --token or TOKEN_OPERATOR',
      2,
    );
  const call = (method: string, path: string, body?: unknown) => request(endpoint, token, method, path, body);
  const json = args.options.json === true;

  switch (command) {
    case 'create': {
      const result = (await call('POST', '/v1/operator/tenants', createBody(args))) as {
        tenant: { id: string; provinceCode: string; name: string };
        admin: { username: string; temporaryPassword: string };
      };
      if (json) return print(result);
      process.stdout.write(
        [
          `Đã tạo đơn vị / tenant created: ${result.tenant.id} (${result.tenant.provinceCode}, ${result.tenant.name})`,
          `Quản trị / admin: ${result.admin.username}`,
          `Mật khẩu tạm (đổi khi đăng nhập lần đầu) / temporary password (change it at first sign-in): ${result.admin.temporaryPassword}`,
          `Đăng nhập / sign in: npm run token -- --user ${result.admin.username} --new-password '<mật khẩu mới / new password>' --endpoint ${endpoint}`,
          '',
        ].join('\n'),
      );
      return;
    }
    case 'list': {
      const result = (await call('GET', '/v1/operator/tenants?limit=200')) as {
        items: Array<{
          id: string;
          provinceCode: string;
          name: string;
          status: string;
          plan: string;
          health: { pending: number; overdue: number; failedDeliveries: number };
        }>;
      };
      if (json) return print(result);
      process.stdout.write(
        `${'mã / id'.padEnd(12)} tỉnh ${'trạng thái / status'.padEnd(28)} ${'gói'.padEnd(10)} ${'đang giải quyết/quá hạn/webhook lỗi'.padEnd(36)} tên\n`,
      );
      for (const t of result.items) {
        const h = `${t.health.pending} / ${t.health.overdue} / ${t.health.failedDeliveries}`;
        process.stdout.write(
          `${t.id.padEnd(12)} ${t.provinceCode}  ${statusText(t.status).padEnd(28)} ${t.plan.padEnd(10)} ${h.padEnd(36)} ${t.name}\n`,
        );
      }
      return;
    }
    case 'get':
    case 'suspend':
    case 'resume': {
      if (!id) fail(`Cách dùng / usage: npm run tenant -- ${command} <tenant id>`, 2);
      const path = `/v1/operator/tenants/${encodeURIComponent(id)}${command === 'get' ? '' : `/${command}`}`;
      const result = (await call(command === 'get' ? 'GET' : 'POST', path)) as { id: string; status: string };
      if (json) return print(result);
      process.stdout.write(`${result.id}: ${statusText(result.status)}\n`);
      if (command !== 'get')
        process.stdout.write(
          'Có hiệu lực trên mọi máy chủ trong vòng 30 giây / takes effect everywhere within 30 s\n',
        );
      return;
    }
    case 'add-admin': {
      const email = stringOption(args, 'email');
      if (!id || !email)
        fail('Cách dùng / usage: npm run tenant -- add-admin <tenant id> --email … [--username …]', 2);
      const result = (await call('POST', `/v1/operator/tenants/${encodeURIComponent(id)}/admins`, {
        email,
        ...optionalOf(args, 'username', 'username'),
        ...optionalOf(args, 'name', 'name'),
      })) as { username: string; temporaryPassword: string };
      if (json) return print(result);
      process.stdout.write(
        `Quản trị / admin: ${result.username}\nMật khẩu tạm / temporary password: ${result.temporaryPassword}\n`,
      );
      return;
    }
    case 'delete': {
      if (!id) fail('Cách dùng / usage: npm run tenant -- delete <tenant id> [--grace-days 30]', 2);
      const days = stringOption(args, 'grace-days');
      const result = (await call(
        'DELETE',
        `/v1/operator/tenants/${encodeURIComponent(id)}${days ? `?graceDays=${encodeURIComponent(days)}` : ''}`,
      )) as { id: string; status: string; deletion: { purgeAfter: string } };
      if (json) return print(result);
      process.stdout.write(
        `${result.id}: ${statusText(result.status)}; xoá hẳn từ / purged from ${result.deletion.purgeAfter}\n` +
          `Khôi phục trước thời điểm đó / restore before then: npm run tenant -- resume ${result.id}\n`,
      );
      return;
    }
    default:
      fail(
        'Cách dùng / usage: npm run tenant -- create|list|get|suspend|resume|add-admin|delete|purge … (xem tools/tenant.ts)',
        2,
      );
  }
}

function createBody(args: Args) {
  const code = stringOption(args, 'code');
  const name = stringOption(args, 'name');
  const adminEmail = stringOption(args, 'admin-email');
  if (!code || !name || !adminEmail)
    fail(
      'create cần --code Hxx --name "…" --admin-email … / create needs --code, --name and --admin-email',
      2,
    );
  const optional = (key: string, option: string) => {
    const value = stringOption(args, option);
    return value === undefined ? {} : { [key]: value };
  };
  return {
    ...optional('id', 'id'),
    provinceCode: code,
    name,
    ...optional('plan', 'plan'),
    contact: {
      name: stringOption(args, 'contact-name') ?? `Văn phòng UBND ${name}`,
      email: stringOption(args, 'contact-email') ?? adminEmail,
      ...optional('phone', 'contact-phone'),
    },
    admin: { email: adminEmail, ...optional('username', 'admin-username') },
  };
}

const STATUS_TEXT: Record<string, string> = {
  active: 'đang phục vụ / active',
  suspended: 'tạm ngừng / suspended',
  deleting: 'chờ xoá / deleting',
  purged: 'đã xoá hẳn / purged',
};
const statusText = (status: string) => STATUS_TEXT[status] ?? status;

function optionalOf(args: Args, key: string, option: string) {
  const value = stringOption(args, option);
  return value === undefined ? {} : { [key]: value };
}

function print(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

async function request(endpoint: string, token: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${endpoint}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  const parsed = text ? (JSON.parse(text) as unknown) : undefined;
  if (!response.ok) {
    const p = (parsed ?? {}) as Problem & { message?: string };
    fail(
      `Lỗi ${response.status} / error ${response.status}: ${p.title ?? p.message ?? ''} ${p.detail ?? ''}`.trim(),
    );
  }
  return parsed;
}

main().catch((error: unknown) => fail(`Lỗi / error: ${(error as Error).message}`));
