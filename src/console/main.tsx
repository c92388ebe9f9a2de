import { LoadingOutlined } from '@ant-design/icons';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import 'dayjs/locale/zh-cn';
import dayjs from 'dayjs';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import './console.css';
import { watchScrollRegions } from './scroll-regions.ts';

dayjs.locale('zh-cn');
watchScrollRegions();

/**
 * Theme: the agency red, and text colours dark enough for WCAG AA contrast (antd's defaults for secondary text
 * and error messages are too light for small text on white).
 */
/** No animations for people who ask their system for reduced motion (WCAG 2.3.3). */
const REDUCED_MOTION = window.matchMedia('(prefers-reduced-motion: reduce)').matches;

const theme = {
  token: {
    motion: !REDUCED_MOTION,
    colorPrimary: '#b1201d',
    colorError: '#c41d1d',
    colorWarning: '#ad6800',
    colorSuccess: '#237804',
    colorTextSecondary: '#595959',
    colorTextDescription: '#595959',
    colorTextTertiary: '#595959',
    colorTextPlaceholder: '#767676',
    colorSuccessBg: '#f6ffed',
    colorSuccessBorder: '#b7eb8f',
    colorWarningBg: '#fffbe6',
    colorWarningBorder: '#ffe58f',
    colorErrorBg: '#fff2f0',
    colorErrorBorder: '#ffccc7',
    colorInfoBg: '#e6f4ff',
    colorInfoBorder: '#91caff',
    colorLink: '#0958d9',
    colorLinkHover: '#003eb3',
    colorLinkActive: '#002c8c',
  },
};

/**
 * Buttons: no space inserted between two Chinese characters (登记, not 登 记); a static loading icon hidden from
 * screen readers (the default one animates out and can linger in the button's accessible name).
 */
const BUTTON = { autoInsertSpace: false, loadingIcon: <LoadingOutlined aria-hidden /> };

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={theme} button={BUTTON} wave={{ disabled: REDUCED_MOTION }}>
      <AntApp>
        <App />
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
