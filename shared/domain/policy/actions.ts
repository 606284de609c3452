/**
 * What a caller may try to do, one name per kind of request. Every route of the route table names
 * one (shared/api/routes.ts `action`), so what a route allows is read from the policy table
 * (./table.ts), never written beside the route.
 */

/**
 * What an action is done on, which decides the facts the policy needs about it:
 * `public` needs no token; `platform` is the operator's (across tenants); `tenant` is the caller's
 * own tenant as a whole; `dossier` one dossier (its relations to the caller); `agencyResource` a
 * record owned by one agency of the tenant (a webhook subscription).
 */
export type ActionScope = 'public' | 'platform' | 'tenant' | 'dossier' | 'agencyResource';

/** `read` changes nothing; an agency system needs a reading or acting scope for it, `act` otherwise. */
export type ActionMode = 'read' | 'write';

export interface ActionSpec {
  scope: ActionScope;
  mode: ActionMode;
  vi: string;
  en: string;
}

export const ACTIONS = {
  public: { scope: 'public', mode: 'read', vi: 'Xem thông tin công khai', en: 'read public information' },
  'tenants.operate': {
    scope: 'platform',
    mode: 'write',
    vi: 'Vận hành các tỉnh (tạo, tạm dừng, xoá)',
    en: 'operate tenants (create, suspend, delete)',
  },
  'catalog.admin': {
    scope: 'tenant',
    mode: 'write',
    vi: 'Quản trị danh mục thủ tục, cơ quan và cấu hình',
    en: 'administer the catalog, agencies and settings',
  },
  'staff.admin': {
    scope: 'tenant',
    mode: 'write',
    vi: 'Quản trị tài khoản cán bộ',
    en: 'administer staff accounts',
  },
  'agencyClients.admin': {
    scope: 'tenant',
    mode: 'write',
    vi: 'Quản trị hệ thống của cơ quan',
    en: "administer agencies' systems",
  },
  'usage.read': { scope: 'tenant', mode: 'read', vi: 'Xem mức sử dụng', en: 'read usage' },
  'reports.read': { scope: 'tenant', mode: 'read', vi: 'Xem báo cáo', en: 'read reports' },
  'reports.export': { scope: 'tenant', mode: 'read', vi: 'Xuất báo cáo', en: 'export reports' },
  'serviceIndex.read': { scope: 'tenant', mode: 'read', vi: 'Xem Bộ chỉ số', en: 'read the service index' },
  'serviceIndex.write': {
    scope: 'tenant',
    mode: 'write',
    vi: 'Nhập số liệu Bộ chỉ số',
    en: 'enter service index inputs',
  },
  'audit.read': { scope: 'tenant', mode: 'read', vi: 'Xem nhật ký truy cập', en: 'read the audit log' },
  'audit.export': { scope: 'tenant', mode: 'read', vi: 'Xuất nhật ký truy cập', en: 'export the audit log' },
  'workQueue.read': { scope: 'tenant', mode: 'read', vi: 'Xem hàng đợi xử lý', en: 'read work queues' },
  'webhooks.read': {
    scope: 'agencyResource',
    mode: 'read',
    vi: 'Xem đăng ký webhook',
    en: 'read webhook subscriptions',
  },
  'webhooks.manage': {
    scope: 'agencyResource',
    mode: 'write',
    vi: 'Quản lý đăng ký webhook',
    en: 'manage webhook subscriptions',
  },
  'dossier.submit': { scope: 'tenant', mode: 'write', vi: 'Nộp hồ sơ', en: 'submit a dossier' },
  'dossier.decideReception': {
    scope: 'dossier',
    mode: 'write',
    vi: 'Quyết định tiếp nhận',
    en: 'decide on reception',
  },
  'dossier.act': { scope: 'dossier', mode: 'write', vi: 'Xử lý hồ sơ', en: 'act on a dossier' },
  'dossier.read': { scope: 'dossier', mode: 'read', vi: 'Xem hồ sơ đầy đủ', en: 'read a whole dossier' },
  'dossier.history': {
    scope: 'dossier',
    mode: 'read',
    vi: 'Xem phiếu kiểm soát',
    en: 'read the control sheet',
  },
  'dossier.receipt': {
    scope: 'dossier',
    mode: 'read',
    vi: 'In giấy tiếp nhận (mẫu 01)',
    en: 'print the receipt (form 01)',
  },
  'dossier.staffForms': {
    scope: 'dossier',
    mode: 'read',
    vi: 'In các mẫu của cán bộ',
    en: "print the staff's forms",
  },
  'attachments.read': {
    scope: 'dossier',
    mode: 'read',
    vi: 'Xem, tải tệp đính kèm',
    en: 'list and download attachments',
  },
  'attachments.write': { scope: 'dossier', mode: 'write', vi: 'Đính kèm tệp', en: 'attach files' },
  // Issue 11 §7: what the receipt secret allows an applicant without an account (public routes).
  'receipt.read': {
    scope: 'dossier',
    mode: 'read',
    vi: 'Xem đầy đủ tình trạng hồ sơ bằng mã bí mật trên giấy tiếp nhận',
    en: "read a dossier's full status with its receipt secret",
  },
  'receipt.act': {
    scope: 'dossier',
    mode: 'write',
    vi: 'Nộp bổ sung hoặc rút hồ sơ bằng mã bí mật trên giấy tiếp nhận',
    en: 'supplement or withdraw a dossier with its receipt secret',
  },
} as const satisfies Record<string, ActionSpec>;

export type Action = keyof typeof ACTIONS;
export const ACTION_NAMES = Object.keys(ACTIONS) as Action[];
