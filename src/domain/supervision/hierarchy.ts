/**
 * The agencies of a subtree in reading order: each agency followed by those below it (pre-order) — its own
 * office, departments and units first, then the governments below it with their subtrees, each group by code; and
 * each agency's chain of supervising agencies within the subtree, nearest first.
 */
export type AgencyKindName = 'government' | 'department' | 'vertical' | 'office';

export const AGENCY_KIND_LABEL: Record<AgencyKindName, string> = {
  government: '人民政府',
  department: '政府工作部门',
  vertical: '垂直管理部门',
  office: '办公室（政务公开办）',
};

export interface TreeNode {
  id: number;
  code: string;
  kind: string;
  parentId: number | null;
}

const governmentsLast = (a: TreeNode, b: TreeNode) =>
  Number(a.kind === 'government') - Number(b.kind === 'government') || a.code.localeCompare(b.code);

export function preOrder<T extends TreeNode>(nodes: readonly T[], rootId: number): T[] {
  const children = new Map<number, T[]>();
  for (const n of nodes)
    if (n.parentId !== null)
      (children.get(n.parentId) ?? children.set(n.parentId, []).get(n.parentId)!).push(n);
  for (const list of children.values()) list.sort(governmentsLast);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const out: T[] = [];
  const stack: T[] = byId.has(rootId) ? [byId.get(rootId)!] : [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    out.push(node);
    const below = children.get(node.id) ?? [];
    for (let i = below.length - 1; i >= 0; i--) stack.push(below[i]!);
  }
  return out;
}

/** The ancestors of `id` inside the subtree, nearest first (the root last; none for the root). */
export function ancestorsWithin<T extends TreeNode>(byId: ReadonlyMap<number, T>, id: number): T[] {
  const chain: T[] = [];
  let parent = byId.get(id)?.parentId ?? null;
  const seen = new Set<number>();
  while (parent !== null && byId.has(parent) && !seen.has(parent)) {
    seen.add(parent);
    const node = byId.get(parent)!;
    chain.push(node);
    parent = node.parentId;
  }
  return chain;
}
