import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

/** Rewrites a part of the package (the XML text of one file). */
export type PartPatch = (xml: string) => string;

/** The time stamped on every file of a normalised package: the DOS epoch, as reproducible-build tools use. */
const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);

/** Removes the creation and modification times from docProps/core.xml: a rendering must not depend on the clock. */
export const stripCoreTimestamps: PartPatch = (xml) =>
  xml.replace(/<dcterms:(created|modified)\b[^>]*?(\/>|>[^<]*<\/dcterms:\1>)/g, '');

/**
 * Re-zips an Office package (DOCX, XLSX) deterministically: same files in the same order, fixed time stamps,
 * fixed compression level, and the given parts patched. Document libraries stamp the current time on every
 * zip entry; after this the same report always gives the same bytes.
 */
export function normalizeZip(bytes: Uint8Array, patches: Record<string, PartPatch> = {}): Buffer {
  const files = unzipSync(bytes);
  const out: Record<string, [Uint8Array, { mtime: Date; level: 6 }]> = {};
  for (const [path, data] of Object.entries(files)) {
    if (path.endsWith('/')) continue;
    const patch = patches[path];
    out[path] = [patch ? strToU8(patch(strFromU8(data))) : data, { mtime: FIXED_MTIME, level: 6 }];
  }
  for (const path of Object.keys(patches))
    if (!(path in files)) throw new Error(`文档包中缺少 ${path}，无法处理`);
  return Buffer.from(zipSync(out));
}

/** The text of one part of an Office package, e.g. word/document.xml (for tests and inspection). */
export function readZipPart(bytes: Uint8Array, path: string): string {
  const files = unzipSync(bytes, { filter: (f) => f.name === path });
  const data = files[path];
  if (!data) throw new Error(`文档包中没有 ${path}`);
  return strFromU8(data);
}
