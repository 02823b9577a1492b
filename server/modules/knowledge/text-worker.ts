import type { AttachmentKind } from '../../../common/schemas/knowledge';
import { extractText, type Extracted } from './extract-text';
import { markdownText, renderMarkdown } from './markdown';
import { segmented } from './thai-text';

/**
 * The text work of the knowledge module that grows with the input: run in the text worker pool
 * (text-work.ts) for long inputs, directly for short ones. Functions only of their arguments.
 */

export interface BodyDerived {
  body: string;
  bodyHtml: string;
  bodyText: string;
  searchBody: string;
}

export function bodyDerived(body: string): BodyDerived {
  const bodyText = markdownText(body);
  return { body, bodyHtml: renderMarkdown(body), bodyText, searchBody: segmented(bodyText) };
}

export interface ExtractedForSearch extends Extracted {
  searchText: string;
}

/** An attachment's text (PDF, Office, plain) and its index terms (the first 60 000 words). */
export async function extractForSearch(kind: AttachmentKind, bytes: Uint8Array): Promise<ExtractedForSearch> {
  const extracted = await extractText(kind, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return { ...extracted, searchText: segmented(extracted.text, 60_000) };
}

export const tasks = { bodyDerived, renderMarkdown, extractForSearch };
