import { ApartmentOutlined, CheckSquareOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { Route } from '../../routes.tsx';

const StandardsCoveragePage = lazy(() =>
  import('./StandardsCoveragePage.tsx').then((m) => ({ default: m.StandardsCoveragePage })),
);
const SupervisionPage = lazy(() =>
  import('./SupervisionPage.tsx').then((m) => ({ default: m.SupervisionPage })),
);

/** The supervision pages, added to the console's routes (one entry: the tabs live in the page's query). */
export const SUPERVISION_ROUTES: readonly Route[] = [
  {
    path: '/supervision',
    page: SupervisionPage,
    roles: ['supervisor', 'admin'],
    menu: '监督汇总',
    icon: <ApartmentOutlined />,
    section: 'supervision',
  },
  {
    path: '/supervision/standards',
    page: StandardsCoveragePage,
    roles: ['supervisor'],
    menu: '标准目录督查',
    icon: <CheckSquareOutlined />,
    section: 'supervision-standards',
  },
];
