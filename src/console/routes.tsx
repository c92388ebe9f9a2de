import {
  AuditOutlined,
  BellOutlined,
  CheckSquareOutlined,
  FileSearchOutlined,
  InboxOutlined,
  ReadOutlined,
  SettingOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import type { ComponentType, ReactNode } from 'react';
import { lazy } from 'react';
import type { Role } from '../domain/access/roles.ts';
import { SUPERVISION_ROUTES } from './pages/supervision/routes.tsx';
import { match } from './router.tsx';

export interface PageProps {
  params: Record<string, string>;
}

export interface Route {
  path: string;
  page: ComponentType<PageProps>;
  /** who may open it; absent = every staff member */
  roles?: readonly Role[];
  /** the navigation label; absent = not in the menu */
  menu?: string;
  icon?: ReactNode;
  /** pages of one section keep its menu entry selected */
  section: string;
}

const Inbox = lazy(() => import('./pages/Inbox.tsx').then((m) => ({ default: m.Inbox })));
const ApplicationPage = lazy(() =>
  import('./pages/ApplicationPage.tsx').then((m) => ({ default: m.ApplicationPage })),
);
const CatalogPage = lazy(() => import('./pages/CatalogPage.tsx').then((m) => ({ default: m.CatalogPage })));
const CatalogItemPage = lazy(() =>
  import('./pages/CatalogItemPage.tsx').then((m) => ({ default: m.CatalogItemPage })),
);
const ReportsPage = lazy(() => import('./pages/ReportsPage.tsx').then((m) => ({ default: m.ReportsPage })));
const ReportWorkspacePage = lazy(() =>
  import('./pages/ReportWorkspacePage.tsx').then((m) => ({ default: m.ReportWorkspacePage })),
);
const StandardsPage = lazy(() =>
  import('./pages/StandardsPage.tsx').then((m) => ({ default: m.StandardsPage })),
);
const RemindersPage = lazy(() =>
  import('./pages/RemindersPage.tsx').then((m) => ({ default: m.RemindersPage })),
);
const MyTasks = lazy(() => import('./pages/MyTasks.tsx').then((m) => ({ default: m.MyTasks })));
const AppealsPage = lazy(() => import('./pages/AppealsPage.tsx').then((m) => ({ default: m.AppealsPage })));
const AdminPage = lazy(() => import('./pages/AdminPage.tsx').then((m) => ({ default: m.AdminPage })));

const CASEWORK: readonly Role[] = ['registrar', 'handler', 'reviewer', 'head', 'admin', 'supervisor'];
/** who has 待办提醒 (GET /api/reminders): the agency's own staff, not the supervising office */
export const REMINDED: readonly Role[] = ['registrar', 'handler', 'reviewer', 'head', 'admin'];

/** Every page of the console, in menu order. */
export const ROUTES: readonly Route[] = [
  {
    path: '/',
    page: Inbox,
    roles: CASEWORK,
    menu: '收件箱',
    icon: <InboxOutlined />,
    section: 'applications',
  },
  {
    path: '/mine',
    page: MyTasks,
    roles: ['handler'],
    menu: '我的待办',
    icon: <CheckSquareOutlined />,
    section: 'mine',
  },
  {
    path: '/reminders',
    page: RemindersPage,
    roles: REMINDED,
    menu: '待办提醒',
    icon: <BellOutlined />,
    section: 'reminders',
  },
  { path: '/applications/:id', page: ApplicationPage, roles: CASEWORK, section: 'applications' },
  {
    path: '/catalog',
    page: CatalogPage,
    roles: CASEWORK,
    menu: '主动公开',
    icon: <ReadOutlined />,
    section: 'catalog',
  },
  { path: '/catalog/items/:id', page: CatalogItemPage, roles: CASEWORK, section: 'catalog' },
  {
    path: '/standards',
    page: StandardsPage,
    roles: CASEWORK,
    menu: '标准目录',
    icon: <UnorderedListOutlined />,
    section: 'standards',
  },
  {
    path: '/appeals',
    page: AppealsPage,
    roles: CASEWORK,
    menu: '复议诉讼',
    icon: <AuditOutlined />,
    section: 'appeals',
  },
  {
    path: '/reports',
    page: ReportsPage,
    menu: '年度报告',
    icon: <FileSearchOutlined />,
    section: 'reports',
  },
  { path: '/reports/:year', page: ReportWorkspacePage, section: 'reports' },
  ...SUPERVISION_ROUTES,
  {
    path: '/admin',
    page: AdminPage,
    roles: ['admin'],
    menu: '系统管理',
    icon: <SettingOutlined />,
    section: 'admin',
  },
];

export function routeFor(path: string): { route: Route; params: Record<string, string> } | null {
  for (const route of ROUTES) {
    const params = match(route.path, path);
    if (params) return { route, params };
  }
  return null;
}
