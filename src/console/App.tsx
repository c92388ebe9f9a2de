import { Spin } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, SESSION_EXPIRED, setCsrfToken } from './api.ts';
import { Shell } from './Shell.tsx';
import { Login } from './pages/Login.tsx';
import type { StaffUser } from './session.tsx';
import { SessionContext } from './session.tsx';

/**
 * GET /api/console/info: whether the demo is on (the page carries the banner, served with index.html), the demo
 * login (only to a client on the server's own machine), the signed-in user's agency and today's date in China.
 */
interface ConsoleInfo {
  demoMode: boolean;
  demo: { username: string; password: string } | null;
  agencyName: string | null;
  today: string;
}

/** Who is signed in (with the agency's name), and the CSRF token for this session. */
async function whoAmI(): Promise<StaffUser> {
  const r = await api<{ user: StaffUser; csrfToken: string }>('GET', '/api/auth/me');
  setCsrfToken(r.csrfToken);
  return r.user;
}

export function App() {
  const [user, setUser] = useState<StaffUser | null | undefined>(undefined);
  const [expired, setExpired] = useState(false);
  const [demo, setDemo] = useState<ConsoleInfo['demo']>(null);
  useEffect(() => {
    whoAmI()
      .then(setUser)
      .catch(() => setUser(null));
    api<ConsoleInfo>('GET', '/api/console/info')
      .then((r) => setDemo(r.demo))
      .catch(() => setDemo(null));
    const onExpired = () => {
      setCsrfToken(null);
      setExpired(true);
      setUser(null);
    };
    window.addEventListener(SESSION_EXPIRED, onExpired);
    return () => window.removeEventListener(SESSION_EXPIRED, onExpired);
  }, []);
  const logout = useCallback(async () => {
    await api('POST', '/api/auth/logout').catch(() => undefined);
    setCsrfToken(null);
    setExpired(false);
    setUser(null);
  }, []);
  const loggedIn = useCallback((u: StaffUser) => {
    setExpired(false);
    // the login answer carries the agency's name, as /api/auth/me does
    setUser(u);
  }, []);
  if (user === undefined) return <Spin fullscreen />;
  if (user === null) return <Login onLogin={loggedIn} demo={demo} expired={expired} />;
  return (
    <SessionContext.Provider value={{ user, logout }}>
      <Shell />
    </SessionContext.Provider>
  );
}
