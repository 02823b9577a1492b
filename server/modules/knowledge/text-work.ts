import type { AttachmentKind } from '../../../common/schemas/knowledge';
import { WorkerPool } from '../../platform/worker-pool';
import { IMAGE_KINDS } from '../../platform/files/kinds';
import { renderMarkdown } from './markdown';
import { bodyDerived, extractForSearch, type BodyDerived, type ExtractedForSearch, type tasks } from './text-worker';

/**
 * Heavy text work off the event loop. Below INLINE_CHARS the work takes a few milliseconds and is done
 * here; above it, in the pool, so that one long Thai body (200 000 characters ≈ 1 s of segmentation and
 * Markdown) or a large PDF never holds up other requests. Attachments are always extracted in the pool.
 */
export const INLINE_CHARS = 10_000;

let pool: WorkerPool<typeof tasks> | null = null;
export function textPool(): WorkerPool<typeof tasks> {
  pool ??= new WorkerPool<typeof tasks>(new URL('./text-worker.ts', import.meta.url));
  return pool;
}

export function bodyDerivedOffLoop(body: string): Promise<BodyDerived> {
  return body.length < INLINE_CHARS ? Promise.resolve(bodyDerived(body)) : textPool().run('bodyDerived', [body]);
}

export function renderMarkdownOffLoop(body: string): Promise<string> {
  return body.length < INLINE_CHARS ? Promise.resolve(renderMarkdown(body)) : textPool().run('renderMarkdown', [body]);
}

export function extractOffLoop(kind: AttachmentKind, buf: Buffer): Promise<ExtractedForSearch> {
  if (IMAGE_KINDS.has(kind)) return extractForSearch(kind, buf); // images have no text: nothing to do
  const copy = new Uint8Array(buf); // the upload is still needed here (hash, storage): the worker gets its own copy
  return textPool().run('extractForSearch', [kind, copy], [copy.buffer]);
}
