import type { AuditAction } from './record';

/** How the export names each action for people. */
export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  'personalData.read': 'Xem dữ liệu cá nhân',
  'staff.create': 'Tạo tài khoản cán bộ',
  'role.change': 'Đổi vai trò / cơ quan',
  'staff.update': 'Sửa tài khoản cán bộ',
  'staff.disable': 'Khoá tài khoản',
  'staff.enable': 'Mở khoá tài khoản',
  'staff.delete': 'Xoá tài khoản',
  'admin.add': 'Thêm quản trị đơn vị',
  'agencyClient.create': 'Đăng ký hệ thống cơ quan',
  'agencyClient.delete': 'Thu hồi hệ thống cơ quan',
  'export.report': 'Xuất báo cáo',
  'export.audit': 'Xuất nhật ký truy cập',
  'export.tenant': 'Xuất toàn bộ dữ liệu đơn vị',
};
