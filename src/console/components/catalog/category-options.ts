import type { Category } from '../../../domain/catalog/categories.ts';
import { isLeaf } from '../../../domain/catalog/categories.ts';

export interface CategoryNode {
  value: string;
  title: string;
  selectable: boolean;
  children?: CategoryNode[];
}

/** The category tree for a TreeSelect; items are filed in leaf categories only. */
export function categoryTree(
  categories: readonly Category[],
  leavesOnly: boolean,
  parent: string | null = null,
): CategoryNode[] {
  return categories
    .filter((c) => c.parent === parent)
    .map((c) => {
      const children = categoryTree(categories, leavesOnly, c.code);
      return {
        value: c.code,
        title: c.article ? `${c.name}（${c.article}）` : c.name,
        selectable: !leavesOnly || isLeaf(categories, c.code),
        ...(children.length ? { children } : {}),
      };
    });
}
