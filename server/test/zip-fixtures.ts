import zlib from 'node:zlib';

/**
 * Hand-made zip archives for the zip-bomb tests, built in memory in milliseconds. An entry's deflate
 * stream can be `repeat`ed: one sync-flushed block of `chunk` copied n times inflates to n × chunk bytes
 * (each copy refers only to itself), so a gigabyte bomb costs a megabyte and no gigabyte is ever made here.
 */
export interface FixtureEntry {
  name: string;
  /** Plain content (deflated here). */
  data?: Buffer | string;
  /** Or: this chunk repeated `times` times. */
  repeat?: { chunk: Buffer | string; times: number };
  /** The uncompressed size written in the headers (default: the real one, mod 2³²). */
  declaredSize?: number;
}

function deflated(e: FixtureEntry): { packed: Buffer; size: number } {
  if (e.repeat) {
    const chunk = Buffer.from(e.repeat.chunk);
    const block = zlib.deflateRawSync(chunk, { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH });
    const end = zlib.deflateRawSync(Buffer.alloc(0)); // an empty final block
    return { packed: Buffer.concat([...Array<Buffer>(e.repeat.times).fill(block), end]), size: chunk.length * e.repeat.times };
  }
  const data = Buffer.from(e.data ?? '');
  return { packed: zlib.deflateRawSync(data), size: data.length };
}

export function makeZip(entries: FixtureEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const { packed, size } = deflated(e);
    const declared = (e.declaredSize ?? size) >>> 0;
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(0, 14); // crc (not checked by the readers under test)
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const CONTENT_TYPES = (main: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  `<Default Extension="xml" ContentType="application/xml"/><Override PartName="/main" ContentType="${main}"/></Types>`;

export const DOCX_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';

/** A DOCX (by its content types) with these extra entries. */
export function makeDocxZip(entries: FixtureEntry[]): Buffer {
  return makeZip([{ name: '[Content_Types].xml', data: CONTENT_TYPES(DOCX_MAIN) }, ...entries]);
}

/** `<w:p><w:t>…</w:t></w:p>` repeated: a document.xml of `mb` MiB of readable Thai text. */
export const documentRepeat = (mb: number) => {
  const para = Buffer.from('<w:p><w:r><w:t>ทดสอบการแตกไฟล์ ระเบิดซิป </w:t></w:r></w:p>'.repeat(400));
  const times = Math.ceil((mb * 1024 * 1024) / para.length);
  return { chunk: para, times };
};
