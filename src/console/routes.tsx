import {
  FileSearchOutlined,
  InboxOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import type { ComponentType, ReactNode } from 'react';
import { lazy } from 'react';
import type { Role } from '../domain/access/roles.ts';
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
const Table3Page = lazy(() => import('./pages/Table3Page.tsx').then((m) => ({ default: m.Table3Page })));
const AdminPage = lazy(() => import('./pages/AdminPage.tsx').then((m) => ({ default: m.AdminPage })));

const CASEWORK: readonly Role[] = ['registrar', 'handler', 'reviewer', 'head', 'admin', 'supervisor'];

/** Every page of the console, in menu order. */
export const ROUTES: readonly Route[] = [
  { path: '/', page: Inbox, roles: CASEWORK, menu: '收件箱', icon: <InboxOutlined />, section: 'applications' },
  { path: '/applications/:id', page: ApplicationPage, roles: CASEWORK, section: 'applications' },
  {
    path: '/reports/table3',
    page: Table3Page,
    menu: '表三统计',
    icon: <FileSearchOutlined />,
    section: 'reports',
  },
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
