import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/**
 * A backup is an ordinary gzip-compressed tar (ustar) so that an operator can look into it with
 * `tar tzf` — written and read here without a dependency. Only regular files; names up to 255 bytes
 * (ustar prefix + name); sizes below 8 GiB (11 octal digits).
 */
export interface TarEntry {
  name: string;
  data: Buffer;
}

const BLOCK = 512;

function header(name: string, size: number, mtime: number): Buffer {
  const h = Buffer.alloc(BLOCK);
  let prefix = '';
  let base = name;
  if (Buffer.byteLength(name) > 100) {
    const cut = name.lastIndexOf('/', 155);
    if (cut <= 0 || Buffer.byteLength(name.slice(cut + 1)) > 100) throw new Error(`name too long for the archive: ${name}`);
    prefix = name.slice(0, cut);
    base = name.slice(cut + 1);
  }
  h.write(base, 0, 100, 'utf8');
  h.write('0000600\0', 100, 'ascii'); // mode
  h.write('0000000\0', 108, 'ascii'); // uid
  h.write('0000000\0', 116, 'ascii'); // gid
  h.write(size.toString(8).padStart(11, '0') + '\0', 124, 'ascii');
  h.write(
    Math.floor(mtime / 1000)
      .toString(8)
      .padStart(11, '0') + '\0',
    136,
    'ascii',
  );
  h.write('        ', 148, 'ascii'); // checksum placeholder
  h.write('0', 156, 'ascii'); // regular file
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  h.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'ascii');
  return h;
}

/** Writes entries to `file` as .tar.gz (to `file.partial` first, renamed at the end: no half archive under the name). */
export class TarWriter {
  private gzip = zlib.createGzip({ level: 6 });
  private out: fs.WriteStream;
  private done: Promise<void>;
  private partial: string;

  constructor(private file: string) {
    this.partial = `${file}.partial`;
    this.out = fs.createWriteStream(this.partial, { mode: 0o600 });
    this.gzip.pipe(this.out);
    this.done = new Promise((resolve, reject) => {
      this.out.on('close', resolve);
      this.out.on('error', reject);
      this.gzip.on('error', reject);
    });
  }

  private async write(chunk: Buffer): Promise<void> {
    if (!this.gzip.write(chunk)) await once(this.gzip, 'drain'); // rejects on 'error'
  }

  async add(name: string, data: Buffer, mtime = Date.now()) {
    await this.write(header(name, data.length, mtime));
    await this.write(data);
    const pad = (BLOCK - (data.length % BLOCK)) % BLOCK;
    if (pad) await this.write(Buffer.alloc(pad));
  }

  /** Adds a file from disk under `name`, streaming it. */
  async addFile(name: string, file: string) {
    const stat = fs.statSync(file);
    await this.write(header(name, stat.size, stat.mtimeMs));
    for await (const chunk of fs.createReadStream(file)) await this.write(chunk as Buffer);
    const pad = (BLOCK - (stat.size % BLOCK)) % BLOCK;
    if (pad) await this.write(Buffer.alloc(pad));
  }

  async finish() {
    await this.write(Buffer.alloc(BLOCK * 2));
    this.gzip.end();
    await this.done;
    fs.renameSync(this.partial, this.file);
  }

  abort() {
    this.gzip.destroy();
    this.out.destroy();
    fs.rmSync(this.partial, { force: true });
  }
}

/** Reads every entry of a .tar.gz, calling `onEntry` for each regular file (streamed through gunzip; each entry in memory). */
export async function readTar(file: string, onEntry: (entry: TarEntry) => Promise<void> | void): Promise<number> {
  const gunzip = fs.createReadStream(file).pipe(zlib.createGunzip());
  let chunks: Buffer[] = [];
  let length = 0;
  let entries = 0;
  let ended = false;
  let pending: { name: string; size: number; type: string } | null = null;
  for await (const chunk of gunzip) {
    if (ended) continue;
    chunks.push(chunk as Buffer);
    length += (chunk as Buffer).length;
    for (;;) {
      const need = pending ? Math.ceil(pending.size / BLOCK) * BLOCK : BLOCK;
      if (length < need) break;
      // joined only once enough bytes are there: a large entry is copied once, not once per chunk
      const buf = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, length);
      if (!pending) {
        const h = buf.subarray(0, BLOCK);
        if (h.every((b) => b === 0)) {
          ended = true;
          break;
        }
        let sum = 0;
        for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i];
        if (sum !== parseInt(h.toString('ascii', 148, 156).replace(/\0.*$/, '').trim(), 8)) throw new Error('not a Phakhi backup (bad tar header)');
        const str = (start: number, len: number) => h.toString('utf8', start, start + len).replace(/\0.*$/s, '');
        const prefix = str(345, 155);
        pending = { name: prefix ? `${prefix}/${str(0, 100)}` : str(0, 100), size: parseInt(str(124, 12).trim() || '0', 8), type: str(156, 1) };
      } else {
        if (pending.type === '0' || pending.type === '') {
          await onEntry({ name: pending.name, data: Buffer.from(buf.subarray(0, pending.size)) });
          entries++;
        }
        pending = null;
      }
      const rest = buf.subarray(need);
      chunks = rest.length ? [rest] : [];
      length = rest.length;
    }
  }
  if (!ended) throw new Error('the backup file is truncated (no end-of-archive marker)');
  return entries;
}

/** Every regular file under `dir` (relative paths, sorted); `skip` filters relative paths out. */
export function listFiles(dir: string, skip: (rel: string) => boolean = () => false): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    const abs = path.join(dir, rel);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(abs, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (skip(r)) continue;
      if (e.isDirectory()) walk(r);
      else if (e.isFile()) out.push(r);
    }
  };
  walk('');
  return out.sort();
}
