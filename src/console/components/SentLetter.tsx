import { Skeleton } from 'antd';
import { useApi } from '../use-api.ts';
import { LetterFrame } from './LetterFrame.tsx';
import { LoadError } from './LoadError.tsx';

/** A sent letter's HTML (fetched, then shown in an isolated frame: the server forbids framing its pages). */
export function SentLetter({ url, title }: { url: string; title: string }) {
  const { data, error, reload } = useApi<string>(url);
  if (error) return <LoadError message={error} onRetry={reload} />;
  if (data === undefined) return <Skeleton active paragraph={{ rows: 8 }} />;
  return <LetterFrame title={title} html={data} />;
}
