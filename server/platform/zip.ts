import zlib from 'node:zlib';

/**
 * Zip archives from uploads (DOCX, XLSX, PPTX) read without trusting what they declare.
 *
 * JSZip (used by exceljs, and by our text extraction before) believes the sizes written in the archive;
 * sizes ≥ 2³¹ even wrap negative, so a 3 MB DOCX declaring "2 KB" inflated to 3 GB in memory. Here the
 * central directory gives only where each entry is and how it is packed; every limit is measured on the
 * bytes actually inflated, as they stream out of zlib, and inflation stops the moment a limit is passed:
 * - at most `maxEntries` entries,
 * - at most `maxEntryBytes` inflated per entry and `maxTotalBytes` for all entries read,
 * - an entry may not inflate more than `maxRatio` times its compressed size once past `ratioGraceBytes`.
 * Zip64 archives, encrypted entries, data before the first entry and methods other than stored/deflate are
 * refused: Office files never need them, and each would let JSZip read other bytes than the ones checked.
 */

export interface ZipLimits {
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
  maxRatio: number;
  ratioGraceBytes: number;
}

/** Attachments: text parts of documents up to 10 MB. */
export const DOCUMENT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 2000,
  maxEntryBytes: 32 * 1024 * 1024,
  maxTotalBytes: 64 * 1024 * 1024,
  maxRatio: 200,
  ratioGraceBytes: 1024 * 1024,
};

export type ZipProblem = 'entries' | 'size' | 'ratio' | 'unsupported' | 'corrupt';

export class ZipLimitError extends Error {
  constructor(public readonly problem: ZipProblem) {
    super(`zip refused: ${problem}`);
    this.name = 'ZipLimitError';
  }
  /** Too big when inflated (a zip bomb), as opposed to not a readable zip at all. */
  get isBomb() {
    return this.problem === 'entries' || this.problem === 'size' || this.problem === 'ratio';
  }
}

export interface ZipEntry {
  name: string;
  method: number;
  /** Offset of the compressed bytes in the archive. */
  dataStart: number;
  compressedSize: number;
}

const EOCD = 0x06054b50;
const CEN = 0x02014b50;
const LOC = 0x04034b50;

/** The entries listed in the central directory. Throws ZipLimitError for anything unusual. */
export function listEntries(buf: Buffer, limits: ZipLimits): ZipEntry[] {
  // the end record is in the last 22 + 65535 bytes; search backwards like JSZip does
  let end = -1;
  for (let i = buf.length - 4; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0 || end + 22 > buf.length) throw new ZipLimitError('corrupt');
  const count = buf.readUInt16LE(end + 10);
  const cdSize = buf.readUInt32LE(end + 12);
  const cdOffset = buf.readUInt32LE(end + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw new ZipLimitError('unsupported'); // zip64
  if (count > limits.maxEntries) throw new ZipLimitError('entries');
  // JSZip shifts every offset by any bytes found before the directory; we only read archives without them
  if (cdOffset + cdSize !== end) throw new ZipLimitError('unsupported');
  const entries: ZipEntry[] = [];
  let at = cdOffset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > end || buf.readUInt32LE(at) !== CEN) throw new ZipLimitError('corrupt');
    const flags = buf.readUInt16LE(at + 8);
    const method = buf.readUInt16LE(at + 10);
    const compressedSize = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const localOffset = buf.readUInt32LE(at + 42);
    if (flags & 0x1) throw new ZipLimitError('unsupported'); // encrypted
    if (method !== 0 && method !== 8) throw new ZipLimitError('unsupported');
    if (compressedSize === 0xffffffff || localOffset === 0xffffffff) throw new ZipLimitError('unsupported');
    const name = buf.toString(flags & 0x800 ? 'utf8' : 'latin1', at + 46, at + 46 + nameLen);
    if (localOffset + 30 > cdOffset || buf.readUInt32LE(localOffset) !== LOC) throw new ZipLimitError('corrupt');
    const dataStart = localOffset + 30 + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28);
    if (dataStart + compressedSize > cdOffset) throw new ZipLimitError('corrupt');
    entries.push({ name, method, dataStart, compressedSize });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Inflate one entry, stopping as soon as it passes `cap` bytes or the ratio limit. `keep: false` only measures. */
function inflateEntry(buf: Buffer, entry: ZipEntry, cap: number, limits: ZipLimits, keep: boolean): Promise<{ size: number; data: Buffer | null }> {
  const packed = buf.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  const tooBig = (size: number): ZipProblem | null =>
    size > cap ? 'size' : size > limits.ratioGraceBytes && size > limits.maxRatio * Math.max(1, entry.compressedSize) ? 'ratio' : null;
  if (entry.method === 0) {
    const problem = tooBig(packed.length);
    if (problem) return Promise.reject(new ZipLimitError(problem));
    return Promise.resolve({ size: packed.length, data: keep ? packed : null });
  }
  return new Promise((resolve, reject) => {
    const inflater = zlib.createInflateRaw({ chunkSize: 256 * 1024 });
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const fail = (err: ZipLimitError) => {
      if (done) return;
      done = true;
      inflater.destroy();
      reject(err);
    };
    inflater.on('data', (chunk: Buffer) => {
      size += chunk.length;
      const problem = tooBig(size);
      if (problem) return fail(new ZipLimitError(problem));
      if (keep) chunks.push(chunk);
    });
    inflater.on('error', () => fail(new ZipLimitError('corrupt')));
    inflater.on('end', () => {
      if (done) return;
      done = true;
      resolve({ size, data: keep ? Buffer.concat(chunks, size) : null });
    });
    inflater.end(packed);
  });
}

/**
 * The inflated bytes of the entries whose names `wanted` accepts, in archive order. Entries not wanted are
 * not inflated. Throws ZipLimitError.
 */
export async function readEntries(buf: Buffer, wanted: (name: string) => boolean, limits: ZipLimits): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  let total = 0;
  for (const entry of listEntries(buf, limits)) {
    if (!wanted(entry.name)) continue;
    const { size, data } = await inflateEntry(buf, entry, Math.min(limits.maxEntryBytes, limits.maxTotalBytes - total), limits, true);
    total += size;
    out.set(entry.name, data!);
  }
  return out;
}

/**
 * Inflate every entry without keeping anything, so that a library which trusts the archive (exceljs via
 * JSZip) is handed only archives whose real inflated size is within the limits. Throws ZipLimitError.
 */
export async function assertZipWithinLimits(buf: Buffer, limits: ZipLimits): Promise<void> {
  let total = 0;
  for (const entry of listEntries(buf, limits)) {
    const { size } = await inflateEntry(buf, entry, Math.min(limits.maxEntryBytes, limits.maxTotalBytes - total), limits, false);
    total += size;
  }
}
