/**
 * Matching a report file of a bulk upload to an agency of the supervisor's subtree, from the evidence the file
 * carries — the agency named in the report's title, an agency's 机构代码 or full name in the file name — and
 * never by guessing: evidence that names no agency of the subtree leaves the file unmatched, evidence that fits
 * several agencies (a bare "教育局" under three districts) or pieces of evidence that disagree leave it
 * ambiguous, with the candidates, for the supervisor to pick.
 */
export interface MatchCandidate {
  id: number;
  name: string;
  code: string;
}

export type MatchEvidence = 'title_name' | 'title_name_part' | 'file_code' | 'file_name';

export type AgencyMatch =
  | { kind: 'matched'; agencyId: number; how: MatchEvidence[]; message: string }
  | { kind: 'ambiguous'; candidates: number[]; message: string }
  | { kind: 'unmatched'; message: string };

export const MATCH_EVIDENCE_LABEL: Record<MatchEvidence, string> = {
  title_name: '报告标题中的机关名称',
  title_name_part: '报告标题中的机关简称',
  file_code: '文件名中的机构代码',
  file_name: '文件名中的机关名称',
};

const normal = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

/** The file's name without folders and extension. */
const stem = (fileName: string) =>
  fileName
    .replace(/^.*[\\/]/, '')
    .replace(/\.[^.]*$/, '')
    .normalize('NFKC');

export function matchAgency(
  candidates: readonly MatchCandidate[],
  evidence: { titleAgency: string | null; fileName: string },
): AgencyMatch {
  const found = new Map<MatchEvidence, number[]>();
  const title = evidence.titleAgency ? normal(evidence.titleAgency) : '';
  if (title !== '') {
    const exact = candidates.filter((c) => normal(c.name) === title);
    if (exact.length > 0)
      found.set(
        'title_name',
        exact.map((c) => c.id),
      );
    else {
      // the title names more than the agency ("某市B区卫生健康局" for "B区卫生健康局"): the longest name it ends
      // with; or less ("教育局"): every agency whose name ends with it
      const ends = candidates.filter((c) => {
        const n = normal(c.name);
        return n.length >= 3 && title.endsWith(n);
      });
      const longest = Math.max(0, ...ends.map((c) => normal(c.name).length));
      const part =
        ends.length > 0
          ? ends.filter((c) => normal(c.name).length === longest)
          : title.length >= 3
            ? candidates.filter((c) => normal(c.name).endsWith(title))
            : [];
      if (part.length > 0)
        found.set(
          'title_name_part',
          part.map((c) => c.id),
        );
    }
  }
  const name = stem(evidence.fileName);
  const tokens = new Set(
    name
      .split(/[^A-Za-z0-9]+/)
      .filter((t) => t !== '')
      .map((t) => t.toUpperCase()),
  );
  const byCode = candidates.filter((c) => c.code !== '' && tokens.has(c.code.toUpperCase()));
  if (byCode.length > 0)
    found.set(
      'file_code',
      byCode.map((c) => c.id),
    );
  const compact = normal(name);
  const inName = candidates.filter((c) => compact.includes(normal(c.name)));
  if (inName.length > 0) {
    // the longest name wins ("A区卫生健康局" holds "卫生健康局"); two of that length are ambiguous
    const longest = Math.max(...inName.map((c) => normal(c.name).length));
    found.set(
      'file_name',
      inName.filter((c) => normal(c.name).length === longest).map((c) => c.id),
    );
  }
  const nameOf = (id: number) => candidates.find((c) => c.id === id)?.name ?? String(id);
  const said = (how: MatchEvidence) =>
    how === 'file_code' || how === 'file_name'
      ? `${MATCH_EVIDENCE_LABEL[how]}（${evidence.fileName.replace(/^.*[\\/]/, '')}）`
      : `${MATCH_EVIDENCE_LABEL[how]}“${evidence.titleAgency ?? ''}”`;

  if (found.size === 0)
    return {
      kind: 'unmatched',
      message:
        title !== ''
          ? `报告标题中的机关“${evidence.titleAgency}”不是本机关所辖的机关，文件名中也没有所辖机关的名称或机构代码，请选择机关`
          : '报告中没有读到机关名称，文件名中也没有所辖机关的名称或机构代码，请选择机关',
    };
  const several = [...found].find(([, ids]) => ids.length > 1);
  if (several)
    return {
      kind: 'ambiguous',
      candidates: several[1],
      message: `${said(several[0])}可对应多个机关：${several[1].map(nameOf).join('、')}，请选择机关`,
    };
  const ids = new Set([...found.values()].map((ids) => ids[0]!));
  if (ids.size > 1)
    return {
      kind: 'ambiguous',
      candidates: [...ids],
      message: `${[...found].map(([how, ids]) => `${said(how)}对应${nameOf(ids[0]!)}`).join('，')}，互相矛盾，请选择机关`,
    };
  const agencyId = [...ids][0]!;
  const how = [...found.keys()];
  return {
    kind: 'matched',
    agencyId,
    how,
    message: `按${how.map(said).join('、')}匹配为${nameOf(agencyId)}`,
  };
}
