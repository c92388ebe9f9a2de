/**
 * The stylesheet of a printed letter (GB/T 9704-2012 党政机关公文格式): A4 with margins 37 mm (top, 天头), 26 mm
 * (right), 35 mm (bottom), 28 mm (left, 订口) — a 版心 of 156 × 225 mm (5.2.1); 发文机关标志 red 小标宋, the 文号
 * centred under it and the red 分隔线 below (7.2.4–7.2.7); title 小标宋 二号 centred (7.3.1); body 仿宋 三号 on
 * 28.95 pt lines (225 mm / 22 lines) with a two-character indent; 署名 and 成文日期 right, four characters in,
 * with room for the seal above (7.3.5.1). The Simplified-Chinese family is named explicitly and the page is
 * lang zh-CN, so a browser without 仿宋 never falls back to Japanese glyph forms.
 * On screen fill-ins are tinted for the console preview; in print they look like the rest of the text.
 */
const FANGSONG = `"仿宋_GB2312", "仿宋", FangSong, STFangsong, "Noto Serif CJK SC", "Source Han Serif SC", serif`;
const XIAOBIAOSONG = `"方正小标宋简体", "方正小标宋_GBK", "华文中宋", STZhongsong, "宋体", SimSun, "Noto Serif CJK SC", serif`;

export const LETTER_PAGE_CSS = `
@page{size:A4;margin:37mm 26mm 35mm 28mm}
html{background:#eef0f2;color:#111}
body{margin:0}
.letter{box-sizing:border-box;max-width:210mm;min-height:297mm;margin:0 auto;padding:37mm 26mm 35mm 28mm;background:#fff;font-family:${FANGSONG};font-size:16pt;line-height:28.95pt;letter-spacing:-0.25pt}
.letter p{margin:0}
.letterhead{text-align:center;padding-bottom:4mm;border-bottom:1pt solid #e00;margin:0 0 57.9pt}
.letterhead .issuer{font-family:${XIAOBIAOSONG};font-size:26pt;line-height:36pt;color:#e00;margin:0 0 57.9pt}
.letter .letterhead .number{text-align:center}
.letter h1{font-family:${XIAOBIAOSONG};font-size:22pt;font-weight:normal;line-height:1.45;text-align:center;margin:0 0 14pt}
.letter .number{text-align:right}
.letter .addressee{margin-top:28pt}
.letter .body{text-indent:2em;text-align:justify}
.letter .attachments{margin-top:28pt}
.letter .attachments p{padding-left:5em;text-indent:0}
.letter .attachments p.first{text-indent:-3em}
.letter .closing{margin-top:57.9pt;text-align:right;padding-right:4em}
.letter .signature{display:inline-block;text-align:center;position:relative;z-index:0}
.letter .seal{position:absolute;left:50%;top:8pt;transform:translate(-50%,-50%);z-index:1;mix-blend-mode:multiply}
.letter .seal.behind{z-index:-1;mix-blend-mode:normal}
.letter .delivery{margin-top:28pt;padding-top:4pt;border-top:1px solid #000;font-size:14pt;line-height:1.6}
.letter .fill{background:#fff6d6;outline:1px dashed #c9a227;outline-offset:1px}
.letter .fill.empty{background:#fde0dc;outline-color:#b3261e}
@media (max-width:640px){.letter{padding:16px 12px;font-size:13pt;line-height:1.8}.letter h1{font-size:18pt}}
@media print{
html{background:none}
.letter{max-width:none;min-height:0;margin:0;padding:0}
.letter .fill,.letter .fill.empty{background:none;outline:none}
.letterhead{print-color-adjust:exact;-webkit-print-color-adjust:exact}
p{orphans:2;widows:2}
.closing{break-inside:avoid;page-break-inside:avoid}
}
`;
