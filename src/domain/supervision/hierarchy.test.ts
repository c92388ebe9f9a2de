import { describe, expect, it } from 'vitest';
import { ancestorsWithin, preOrder } from './hierarchy.ts';

describe('the subtree in reading order', () => {
  it('lists each agency before those below it, its own units before the governments below', () => {
    const nodes = [
      { id: 1, code: 'M00', kind: 'government', parentId: null },
      { id: 2, code: 'A00', kind: 'government', parentId: 1 },
      { id: 3, code: 'M10', kind: 'department', parentId: 1 },
      { id: 4, code: 'A10', kind: 'department', parentId: 2 },
      { id: 5, code: 'M01', kind: 'office', parentId: 1 },
      { id: 6, code: 'A10X', kind: 'vertical', parentId: 4 },
    ];
    expect(preOrder(nodes, 1).map((n) => n.id)).toEqual([1, 5, 3, 2, 4, 6]);
    expect(preOrder(nodes, 2).map((n) => n.id)).toEqual([2, 4, 6]);
    const byId = new Map(nodes.map((n) => [n.id, n]));
    expect(ancestorsWithin(byId, 6).map((n) => n.id)).toEqual([4, 2, 1]);
    expect(ancestorsWithin(byId, 1)).toEqual([]);
  });
});
