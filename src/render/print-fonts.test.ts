import { describe, expect, it } from 'vitest';
import { choosePrintFonts, SC_SANS, SC_SERIF } from './print-fonts.ts';

describe('the print fonts of a letter or report PDF', () => {
  it('are 仿宋 and 小标宋 when fontconfig has them', () => {
    const list = [
      'Noto Serif CJK JP',
      '仿宋_GB2312,FangSong_GB2312',
      '方正小标宋简体',
      'SimSun,宋体',
      'SimHei,黑体',
      '楷体_GB2312,KaiTi_GB2312',
      SC_SERIF,
      SC_SANS,
    ].join('\n');
    expect(choosePrintFonts(list)).toEqual({
      body: '仿宋_GB2312',
      title: '方正小标宋简体',
      song: '宋体',
      heiti: '黑体',
      kaiti: '楷体_GB2312',
    });
  });

  it('are the Simplified-Chinese serif otherwise, even when a JP face is listed first', () => {
    const list = [
      'Noto Serif CJK JP',
      'Noto Sans CJK JP',
      'Noto Serif CJK KR',
      'Noto Serif CJK SC',
      'Noto Serif CJK TC',
      'Noto Sans CJK SC',
    ].join('\n');
    expect(choosePrintFonts(list)).toEqual({
      body: SC_SERIF,
      title: SC_SERIF,
      song: SC_SERIF,
      heiti: SC_SANS,
      kaiti: SC_SERIF,
    });
    expect(choosePrintFonts('FangSong\nSource Han Serif SC\nSource Han Sans CN\n')).toEqual({
      body: 'FangSong',
      title: 'Source Han Serif SC',
      song: 'Source Han Serif SC',
      heiti: 'Source Han Sans CN',
      kaiti: 'Source Han Serif SC',
    });
  });
});
