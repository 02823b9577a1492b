import { Fragment } from 'react';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Undo the HTML escaping of a text run (named entities above and numeric ones). */
export function unescapeHtml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
    }
    return ENTITIES[code.toLowerCase()] ?? whole;
  });
}

/**
 * Split a server snippet ("escaped text with <mark>matches</mark>") into plain-text runs and marked runs.
 * Anything that is not exactly `<mark>` or `</mark>` stays text, so nothing in a snippet can become markup.
 */
export function snippetParts(html: string): { text: string; mark: boolean }[] {
  const out: { text: string; mark: boolean }[] = [];
  let mark = false;
  for (const piece of html.split(/(<mark>|<\/mark>)/)) {
    if (piece === '<mark>') mark = true;
    else if (piece === '</mark>') mark = false;
    else if (piece) out.push({ text: unescapeHtml(piece), mark });
  }
  return out;
}

/**
 * A search snippet with its matches highlighted. The server sends escaped text whose only tags are
 * `<mark>…</mark>`; it is split and rendered as React text nodes (never injected as HTML).
 */
export function Highlighted({ html }: { html: string }) {
  return <>{snippetParts(html).map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : <Fragment key={i}>{p.text}</Fragment>))}</>;
}
