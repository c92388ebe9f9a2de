import { describe, expect, it } from 'vitest';
import { sealPng } from '../../../test/support/seal-image.ts';
import { SEAL_PRINT_MM, sealImageInfo, sealPrintSize } from './seal.ts';

/** A JPEG's first bytes: SOI, an APP0 segment, then SOF0 with the given size (enough for the header reader). */
function jpegHeader(width: number, height: number): Uint8Array {
  const app0 = [0xff, 0xe0, 0x00, 0x10, ...Buffer.from('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0];
  const sof0 = [0xff, 0xc0, 0x00, 0x11, 8, height >> 8, height & 255, width >> 8, width & 255, 3];
  return new Uint8Array([0xff, 0xd8, ...app0, ...sof0, ...new Array<number>(20).fill(0)]);
}

describe('a seal image', () => {
  it('is read from its own header: PNG and JPEG, with their pixel sizes', () => {
    expect(sealImageInfo(sealPng(300))).toEqual({ mediaType: 'image/png', width: 300, height: 300 });
    expect(sealImageInfo(jpegHeader(640, 480))).toEqual({ mediaType: 'image/jpeg', width: 640, height: 480 });
  });

  it('is refused with the reason in Chinese: empty, other types, broken, too small, too large', () => {
    const error = (b: Uint8Array) => (sealImageInfo(b) as { error: string }).error;
    expect(error(new Uint8Array())).toBe('印章图片是空文件');
    expect(error(Buffer.from('GIF89a'))).toMatch(/PNG 或 JPEG/);
    expect(error(Buffer.from('%PDF-1.7'))).toMatch(/PNG 或 JPEG/);
    expect(error(sealPng(300).subarray(0, 16))).toMatch(/已损坏/);
    expect(error(new Uint8Array([0xff, 0xd8, 0xff, 0x00, 1, 2, 3, 4, 5, 6, 7, 8]))).toMatch(/已损坏/);
    expect(error(sealPng(99))).toMatch(/太小（99×99 像素）/);
    expect(error(jpegHeader(4001, 300))).toMatch(/太大（4001×300 像素）/);
    expect(error(new Uint8Array(2 * 1024 * 1024 + 1).fill(0x89))).toMatch(/不能超过 2 MB/);
  });

  it('prints its longer side at 42 mm, the other in proportion', () => {
    expect(sealPrintSize({ width: 300, height: 300 })).toEqual({
      widthMm: SEAL_PRINT_MM,
      heightMm: SEAL_PRINT_MM,
    });
    expect(sealPrintSize({ width: 600, height: 300 })).toEqual({ widthMm: 42, heightMm: 21 });
  });
});
