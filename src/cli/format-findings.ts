import type { Finding } from '../domain/report/index.ts';

const SEVERITY = { error: '错误', warning: '警告' } as const;

/** Findings as the terminal shows them: one per line, severity, code, location, message. */
export function formatFindings(findings: readonly Finding[]): string {
  if (findings.length === 0) return '未发现问题。\n';
  const lines = findings.map((f) => {
    const where = [f.location.table, f.location.row, f.location.column].filter(Boolean).join('.');
    return `${SEVERITY[f.severity]}  ${f.code}  ${where}\n      ${f.message}`;
  });
  const errors = findings.filter((f) => f.severity === 'error').length;
  return `${lines.join('\n')}\n\n共 ${errors} 个错误，${findings.length - errors} 个警告。\n`;
}
