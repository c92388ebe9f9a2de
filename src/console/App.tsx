import { Spin } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, setCsrfToken } from './api.ts';
import { Shell } from './Shell.tsx';
import { Login } from './pages/Login.tsx';
import type { StaffUser } from './session.tsx';
import { SessionContext } from './session.tsx';

export function App() {
  const [user, setUser] = useState<StaffUser | null | undefined>(undefined);
  const [demo, setDemo] = useState<{ username: string; password: string } | null>(null);
  useEffect(() => {
    api<{ user: StaffUser; csrfToken: string }>('GET', '/api/auth/me')
      .then((r) => {
        setCsrfToken(r.csrfToken);
        setUser(r.user);
      })
      .catch(() => setUser(null));
    api<{ demo: { username: string; password: string } | null }>('GET', '/api/console/info')
      .then((r) => setDemo(r.demo))
      .catch(() => setDemo(null));
  }, []);
  const logout = useCallback(async () => {
    await api('POST', '/api/auth/logout').catch(() => undefined);
    setCsrfToken(null);
    setUser(null);
  }, []);
  if (user === undefined) return <Spin fullscreen />;
  if (user === null) return <Login onLogin={setUser} demo={demo} />;
  return (
    <SessionContext.Provider value={{ user, logout }}>
      <Shell />
    </SessionContext.Provider>
  );
}
