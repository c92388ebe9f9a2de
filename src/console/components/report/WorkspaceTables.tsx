import { Button, Flex, Switch, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { CellRef } from '../../../domain/report/cell.ts';
import { TABLE_NUMBER } from '../../../domain/report/cell.ts';
import { cellName } from '../../../domain/report/validate/labels.ts';
import { cellMarks } from '../../../render/report/findings.ts';
import type { DataCell } from '../../../render/report/layout/index.ts';
import { reportLayouts } from '../../../render/report/layout/index.ts';
import type { WorkspaceView } from '../../types-report.ts';
import { ReportTable } from '../ReportTable.tsx';

/**
 * Tables 二, 三 and 四 in the official layout: counted cells open the records they count, cells from other
 * systems open their figure and note (editable while drafting), cells the validator flags are marked, and last
 * year's value can be shown under each cell with the changed ones highlighted.
 */
export function WorkspaceTables({
  view,
  editable,
  onDrill,
  onEdit,
}: {
  view: WorkspaceView;
  editable: boolean;
  onDrill: (ref: CellRef, path: string) => void;
  onEdit: (ref: CellRef, path: string) => void;
}) {
  const [showPrevious, setShowPrevious] = useState(false);
  const marks = cellMarks(view.findings);
  const changes = new Map((view.changes ?? []).map((c) => [c.path, c]));
  const value = (ref: CellRef) => view.report[ref.table]?.[ref.row]?.[ref.column] ?? null;
  const cellClass = (ref: CellRef) => {
    const path = `${ref.table}.${ref.row}.${ref.column}`;
    const mark = marks.get(path);
    if (mark) return `cell-${mark.severity}`;
    if (showPrevious && changes.get(path)?.changed) return 'cell-changed';
    if (view.cells[path]?.entered) return 'cell-external';
    return undefined;
  };
  const render = ({ ref, path }: DataCell) => {
    const v = value(ref);
    const info = view.cells[path];
    const name = cellName(view.format, ref);
    const mark = marks.get(path);
    const change = changes.get(path);
    let content;
    if (info?.entered && editable)
      content = (
        <Button
          type="link"
          className="cell-button"
          aria-label={`${name}：${v ?? '未填报'}，填报`}
          onClick={() => onEdit(ref, path)}
        >
          {v ?? '填报'}
        </Button>
      );
    else if ((info?.records ?? 0) > 0 || info?.entered)
      content = (
        <Button
          type="link"
          className="cell-button"
          aria-label={`${name}：${v ?? '空'}，查看明细`}
          onClick={() => onDrill(ref, path)}
        >
          {v ?? '—'}
        </Button>
      );
    else content = <span>{v ?? ''}</span>;
    return (
      <>
        {mark ? <Tooltip title={mark.messages.join('；')}>{content}</Tooltip> : content}
        {showPrevious && change?.comparable && (
          <div style={{ fontSize: 11, color: '#595959' }}>
            上年 {change.previous ?? '空'}
            {change.change ? `（${change.change > 0 ? '+' : ''}${change.change}）` : ''}
          </div>
        )}
      </>
    );
  };
  return (
    <>
      <Flex gap={16} align="center" wrap style={{ marginBottom: 8 }}>
        <label style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}>
          <Switch size="small" checked={showPrevious} onChange={setShowPrevious} disabled={!view.previous} />
          显示上年数并标出变化
        </label>
        <Typography.Text type="secondary">
          {view.previous ? '' : '（没有上年报告：可在“与上年对比”中导入）'}
          图例：红框为核对发现的错误，黄底为警告，绿底为其他系统填报的数字，蓝底为与上年不同。
        </Typography.Text>
      </Flex>
      {reportLayouts(view.format).map((layout) => (
        <ReportTable
          key={layout.table}
          layout={layout}
          caption={`表${TABLE_NUMBER[layout.table]} ${layout.heading.replace(/^[一二三四五六]、/, '')}`}
          renderCell={render}
          cellClass={cellClass}
        />
      ))}
    </>
  );
}
