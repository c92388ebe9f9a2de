import { DownloadOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { withQuery } from '../../api.ts';
import { DownloadLink } from '../DownloadLink.tsx';

const TARGETS = [
  ['docx', 'Word（DOCX）'],
  ['pdf', 'PDF'],
  ['html', '网页（HTML）'],
  ['xlsx', 'Excel（XLSX）'],
  ['md', 'Markdown'],
] as const;

/** 导出: the current draft (or a published version) in the report's formats, as downloads. */
export function ExportMenu({
  year,
  agencyId,
  version,
}: {
  year: number;
  agencyId: number | null;
  version?: number;
}) {
  const href = (to: string) => withQuery(`/api/reports/${year}/export`, { to, agencyId, version });
  return (
    <Dropdown
      menu={{
        items: TARGETS.map(([to, label]) => ({
          key: to,
          label: <DownloadLink href={href(to)}>导出 {label}</DownloadLink>,
        })),
      }}
    >
      <Button icon={<DownloadOutlined />}>导出</Button>
    </Dropdown>
  );
}
