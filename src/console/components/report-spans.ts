/** The colSpan / rowSpan attributes of a layout cell, left out when 1. */
export const spans = (c: { colSpan: number; rowSpan: number }) => ({
  ...(c.colSpan > 1 ? { colSpan: c.colSpan } : {}),
  ...(c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}),
});
