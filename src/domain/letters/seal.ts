/**
 * The agency's 印章 as an image (issue 12 point 6): what an uploaded file must be before the letters print it in
 * the seal area (GB/T 9704-2012 7.3.5.1: 印章用红色, 端正、居中下压发文机关署名和成文日期). Pure: the type and the
 * pixel size are read from the file's own header (PNG IHDR, JPEG SOFn), never from its name.
 */
export type SealMediaType = 'image/png' | 'image/jpeg';

export const SEAL_MAX_BYTES = 2 * 1024 * 1024;
export const SEAL_MIN_PIXELS = 100;
export const SEAL_MAX_PIXELS = 4000;
/** The printed size of the seal's longer side: 42 mm, a common diameter of an agency's official seal. */
export const SEAL_PRINT_MM = 42;

export interface SealImageInfo {
  mediaType: SealMediaType;
  width: number;
  height: number;
}

const starts = (bytes: Uint8Array, ...sig: number[]) => sig.every((b, i) => bytes[i] === b);
const u16 = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!;
const u32 = (b: Uint8Array, i: number) =>
  ((b[i]! << 24) >>> 0) + (b[i + 1]! << 16) + (b[i + 2]! << 8) + b[i + 3]!;

function pngSize(b: Uint8Array): { width: number; height: number } | null {
  // signature (8) + length (4) + "IHDR" (4) + width (4) + height (4)
  if (b.length < 24 || !starts(b.subarray(12), 0x49, 0x48, 0x44, 0x52)) return null;
  return { width: u32(b, 16), height: u32(b, 20) };
}

function jpegSize(b: Uint8Array): { width: number; height: number } | null {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i++;
      continue;
    }
    const length = u16(b, i + 2);
    // SOF0–SOF15 except DHT (C4), JPG (C8), DAC (CC)
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker))
      return { height: u16(b, i + 5), width: u16(b, i + 7) };
    if (length < 2) return null;
    i += 2 + length;
  }
  return null;
}

/** The image's type and size, or the Chinese reason it cannot be a seal (field `file`). */
export function sealImageInfo(bytes: Uint8Array): SealImageInfo | { error: string } {
  if (bytes.length === 0) return { error: '印章图片是空文件' };
  if (bytes.length > SEAL_MAX_BYTES)
    return {
      error: `印章图片不能超过 ${SEAL_MAX_BYTES / 1024 / 1024} MB（收到 ${(bytes.length / 1024 / 1024).toFixed(1)} MB）`,
    };
  const png = starts(bytes, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
  const jpeg = starts(bytes, 0xff, 0xd8, 0xff);
  if (!png && !jpeg) return { error: '印章图片应为 PNG 或 JPEG 格式（建议透明背景的 PNG）' };
  const size = png ? pngSize(bytes) : jpegSize(bytes);
  if (!size) return { error: `印章图片已损坏，无法读取尺寸（${png ? 'PNG' : 'JPEG'}）` };
  const { width, height } = size;
  if (Math.min(width, height) < SEAL_MIN_PIXELS)
    return { error: `印章图片太小（${width}×${height} 像素），每边至少 ${SEAL_MIN_PIXELS} 像素才能清晰打印` };
  if (Math.max(width, height) > SEAL_MAX_PIXELS)
    return { error: `印章图片太大（${width}×${height} 像素），每边不能超过 ${SEAL_MAX_PIXELS} 像素` };
  return { mediaType: png ? 'image/png' : 'image/jpeg', width, height };
}

/** The printed size in millimetres: the longer side SEAL_PRINT_MM, the other in proportion. */
export function sealPrintSize(info: { width: number; height: number }): {
  widthMm: number;
  heightMm: number;
} {
  const longer = Math.max(info.width, info.height);
  return { widthMm: (SEAL_PRINT_MM * info.width) / longer, heightMm: (SEAL_PRINT_MM * info.height) / longer };
}
