import { Typography } from 'antd';

/** A date of the legal clock: what it is, the date, and a line on its basis. */
export function DateBlock({ title, value, note }: { title: string; value: string; note?: string }) {
  return (
    <div>
      <Typography.Text type="secondary">{title}</Typography.Text>
      <div style={{ fontSize: 18, fontWeight: 600 }}>{value}</div>
      {note && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {note}
        </Typography.Text>
      )}
    </div>
  );
}
