import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/**
 * Markdown → safe HTML, on the server, in two independent layers:
 * 1. markdown-it with `html: false`: raw HTML in the source is shown as text, never passed through; its
 *    link validator drops javascript:, vbscript:, file: and non-image data: URLs.
 * 2. sanitize-html with an allowlist of the tags and attributes Markdown produces, and only http(s),
 *    mailto and tel links (plus same-site relative ones). Whatever layer 1 lets through, layer 2 trims.
 * Links open with rel="noopener noreferrer nofollow"; images load only if the site's CSP allows them.
 */
const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: true });

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'strong',
    'em',
    's',
    'del',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'img',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'hr',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'title'],
    ol: ['start'],
    th: ['style'],
    td: ['style'],
    code: ['class'],
  },
  allowedStyles: { th: { 'text-align': [/^(left|right|center)$/] }, td: { 'text-align': [/^(left|right|center)$/] } },
  allowedClasses: { code: [/^language-[\w-]+$/] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'noopener noreferrer nofollow' } }),
    // the item's title is the page's only h1: the body's headings start one level below it
    h1: 'h2',
    h2: 'h3',
    h3: 'h4',
    h4: 'h5',
    h5: 'h6',
  },
};

/** Sanitised HTML of a Markdown text. */
export function renderMarkdown(source: string): string {
  if (!source.trim()) return '';
  return sanitizeHtml(md.render(source), SANITIZE).trim();
}

const BLOCK_END = new Set(['paragraph_close', 'heading_close', 'list_item_close', 'blockquote_close', 'tr_close', 'th_close', 'td_close', 'hr']);

/** The readable text of a Markdown document (no markup, no URLs), for snippets and the search index. */
export function markdownText(source: string): string {
  if (!source.trim()) return '';
  const out: string[] = [];
  for (const token of md.parse(source, {})) {
    if (token.type === 'inline') {
      for (const child of token.children ?? []) {
        if (child.type === 'text' || child.type === 'code_inline') out.push(child.content);
        else if (child.type === 'softbreak' || child.type === 'hardbreak') out.push('\n');
        else if (child.type === 'image') out.push(child.content);
      }
    } else if (token.type === 'fence' || token.type === 'code_block') {
      out.push(token.content, '\n');
    } else if (BLOCK_END.has(token.type) && !token.hidden) {
      out.push(token.type === 'td_close' || token.type === 'th_close' ? ' ' : '\n');
    }
  }
  return out
    .join('')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
