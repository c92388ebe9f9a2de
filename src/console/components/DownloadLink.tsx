import { App } from 'antd';
import type { ReactNode } from 'react';
import { download, errorMessage } from '../api.ts';

/**
 * A download link that shows the server's message when the file cannot be made (a plain `<a download>` would
 * save the error as the file). Without script the link still downloads.
 */
export function DownloadLink({
  href,
  children,
  ...rest
}: {
  href: string;
  children: ReactNode;
  'aria-label'?: string;
}) {
  const { message } = App.useApp();
  return (
    <a
      href={href}
      download
      {...rest}
      onClick={(event) => {
        event.preventDefault();
        download(href).catch((error: unknown) => void message.error(errorMessage(error)));
      }}
    >
      {children}
    </a>
  );
}
