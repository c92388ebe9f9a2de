/**
 * Staff roles (条例 Art. 45: 登记、审核、办理、答复、归档), plus the administrator and the supervising office.
 * A user holds one or more roles within one agency; a supervisor's scope is their agency's subtree.
 */
export const ROLES = ['registrar', 'handler', 'reviewer', 'head', 'admin', 'supervisor'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABEL: Record<Role, string> = {
  registrar: '登记员',
  handler: '承办人',
  reviewer: '审核人',
  head: '负责人',
  admin: '管理员',
  supervisor: '上级政务公开办',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * The roles that handle 依申请公开 cases (条例第四十五条: 登记、审核、办理、答复): within the agency the case is
 * addressed to, these staff see its letters (with the applicant's full address). Not 管理员, and never a
 * supervisor above — the supervising office sees statistics and reports, not individual applications.
 */
export const CASE_HANDLING_ROLES: readonly Role[] = ['registrar', 'handler', 'reviewer', 'head'];
