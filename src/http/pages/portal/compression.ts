import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from 'node:zlib';

/**
 * The compressed forms of a stored page. gzip 6 and brotli 5: on these pages as small as gzip 9 and brotli 6, at
 * half the time (a million to render). Brotli's window is the page's size (at most its default, 4 MB), not
 * always 4 MB: the same output for a page of some kilobytes, and far less state to set up and free per page.
 */
const GZIP = { level: 6 };
const brotliOptions = (body: Uint8Array) => ({
  params: {
    [constants.BROTLI_PARAM_QUALITY]: 5,
    [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    [constants.BROTLI_PARAM_LGWIN]: Math.min(
      constants.BROTLI_DEFAULT_WINDOW,
      Math.max(constants.BROTLI_MIN_WINDOW_BITS, Math.ceil(Math.log2(body.length + 16))),
    ),
  },
});
const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

export interface CompressedForms {
  gzip: Uint8Array;
  brotli: Uint8Array;
}

/** Both compressed forms, on this thread (the bulk renders and the renders after a change). */
export function compressedForms(body: Uint8Array): CompressedForms {
  return { gzip: gzipSync(body, GZIP), brotli: brotliCompressSync(body, brotliOptions(body)) };
}

/** One compressed form, on libuv's thread pool (the event loop goes on answering meanwhile). */
export async function compressed(body: Uint8Array, encoding: 'gzip' | 'br'): Promise<Buffer> {
  return encoding === 'br' ? brotliAsync(body, brotliOptions(body)) : gzipAsync(body, GZIP);
}
