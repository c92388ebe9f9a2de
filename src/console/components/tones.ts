import type { CSSProperties } from 'react';

/** Tag tones whose text keeps a 4.5:1 contrast on its tint (WCAG 2.1 AA); antd's preset orange falls short. */
const tone = (color: string, background: string, border: string): CSSProperties => ({
  color,
  background,
  borderColor: border,
});
export const GREY = tone('#434343', '#f5f5f5', '#d9d9d9');
export const BLUE = tone('#003eb3', '#e6f4ff', '#91caff');
export const ORANGE = tone('#873800', '#fff7e6', '#ffd591');
export const GREEN = tone('#135200', '#f6ffed', '#b7eb8f');
export const RED = tone('#a8071a', '#fff1f0', '#ffa39e');
