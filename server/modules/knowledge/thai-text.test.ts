import { describe, expect, it } from 'vitest';
import { normalizeText, parseQuery, queryTerms, segmented, snippet, toTsQuery, words } from './thai-text';
import { renderMarkdown, markdownText } from './markdown';
import { detectKind, safeFilename, UnsafeFilenameError, withExtension } from '../../platform/files/kinds';
import { ooxmlText } from './extract-text';
import { diffLines, diffWords } from './diff';

describe('Thai words for search', () => {
  it('segments, normalises and pairs adjacent words', () => {
    expect(words('การจัดการน้ำ')).toEqual(['การ', 'จัดการ', 'น้ำ']);
    expect(words('PM2.5 ปี ๒๕๖๖, ABC')).toEqual(['pm2', '5', 'ปี', '2566', 'abc']);
    expect(normalizeText('ท\u200Bํา')).toBe('ทำ'); // zero-width space gone, NIKHAHIT + SARA AA typed for SARA AM
    expect(normalizeText('น้ําา')).toBe('น้ำ'); // PDF text with SARA AM split into NIKHAHIT + SARA AA glyphs
    expect(segmented('น้ำท่วม')).toBe('น้ำ น้ำท่วม ท่วม');
  });

  it('turns a query into ANDed terms: words of a run are adjacent pairs; quotes make a phrase; no operators leak', () => {
    expect(parseQuery('น้ำ ท่วม').groups).toEqual([['น้ำ'], ['ท่วม']]);
    expect(toTsQuery(parseQuery('น้ำท่วม'))).toBe("'น้ำท่วม'");
    expect(toTsQuery(parseQuery('"ท่วม น้ำ"'))).toBe("'ท่วมน้ำ'");
    expect(queryTerms(parseQuery('การจัดการน้ำ'))).toEqual(['จัดการน้ำ']); // leading การ dropped
    expect(toTsQuery(parseQuery("a' | b & !c <-> (d)"))).toBe("'a' & 'b' & 'c' & 'd'");
    expect(toTsQuery(parseQuery('!!! ...'))).toBeNull();
  });

  it('cuts snippets from the original text and marks whole phrases', () => {
    const s = snippet('ผู้สูงอายุที่มีภาวะพึ่งพิง <ได้รับ> การฟื้นฟูสมรรถภาพผู้สูงอายุ', parseQuery('ผู้สูงอายุ'));
    expect(s?.html).toBe('<mark>ผู้สูงอายุ</mark>ที่มีภาวะพึ่งพิง &lt;ได้รับ&gt; การฟื้นฟูสมรรถภาพ<mark>ผู้สูงอายุ</mark>');
    expect(snippet('ไม่มีคำนี้', parseQuery('ผู้สูงอายุ'))).toBeNull();
    const long = `${'ก'.repeat(400)} จุดที่ต้องการ ${'ข'.repeat(400)}`;
    expect(snippet(long, parseQuery('ต้องการ'))!.html).toMatch(/^….*<mark>ต้องการ<\/mark>.*…$/);
    // only the text around the hits is segmented: a match far into a long body, a phrase, and a substring
    // inside another word (ผู้สูงวัย has no สูงอายุ) that must not count
    const far = `${'ผู้สูงวัย '.repeat(600)}การจัดการน้ำของชุมชน ${'ค'.repeat(500)}`;
    expect(snippet(far, parseQuery('จัดการน้ำ'))!.html).toMatch(/^….*การ<mark>จัดการน้ำ<\/mark>ของชุมชน/);
    expect(snippet(far, parseQuery('ผู้สูงอายุ'))).toBeNull();
  });
});

describe('Markdown, files and diffs', () => {
  it('renders Markdown without raw HTML or unsafe links, and extracts its text', () => {
    expect(renderMarkdown('<b onclick=x>hi</b> [a](javascript:alert(1))')).toBe('<p>&lt;b onclick=x&gt;hi&lt;/b&gt; [a](javascript:alert(1))</p>');
    expect(renderMarkdown('')).toBe('');
    expect(markdownText('# หัวข้อ\n\n- **หนึ่ง** [ลิงก์](https://example.org)\n- สอง')).toBe('หัวข้อ\nหนึ่ง ลิงก์\nสอง');
  });

  it('detects kinds from bytes and refuses unsafe names', async () => {
    expect(await detectKind(Buffer.from('%PDF-1.7'))).toBe('pdf');
    expect(await detectKind(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(await detectKind(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('webp');
    expect(await detectKind(Buffer.from('สวัสดี\tครับ\r\n'))).toBe('text');
    expect(await detectKind(Buffer.from([0xc3, 0x28]))).toBeNull(); // invalid UTF-8
    expect(await detectKind(Buffer.from('MZ\x90\x00\x03', 'latin1'))).toBeNull();
    expect(await detectKind(Buffer.from('<?xml version="1.0"?><svg/>'))).toBeNull();
    expect(safeFilename(' รายงาน:ปี 2567?.pdf ')).toBe('รายงาน_ปี 2567_.pdf');
    for (const bad of ['../x', 'a/b.pdf', 'a\\b.pdf', '..', 'a\u0000.pdf', '%2e%2e%2fx']) expect(() => safeFilename(bad), bad).toThrow(UnsafeFilenameError);
    expect(withExtension('photo', 'jpeg')).toBe('photo.jpg');
    expect(withExtension('report.PDF', 'pdf')).toBe('report.PDF');
    expect(
      ooxmlText('<w:p><w:r><w:t>ก&amp;ข</w:t><w:tab/><w:t xml:space="preserve">ค </w:t></w:r></w:p><w:p><w:r><w:t>ง</w:t></w:r></w:p>', 'w:t', 'w:p'),
    ).toBe('ก&ข\tค \nง\n');
  });

  it('diffs lines and Thai words', () => {
    expect(
      diffWords('ปลูกข้าวนาปี', 'ปลูกข้าวนาปรัง')
        .filter((p) => p.op !== 'equal')
        .map((p) => p.text),
    ).toEqual(['นาปี', 'นาปรัง']);
    const d = diffLines('a\nb\nc', 'a\nB\nc\nd');
    expect(d.lines.map((l) => l.op)).toEqual(['equal', 'changed', 'equal', 'added']);
    expect({ added: d.added, removed: d.removed }).toEqual({ added: 2, removed: 1 });
  });
});

describe('spelling dictionary', () => {
  it('keeps runs of one to four title words and whole tags, and measures edits', async () => {
    const { titleTerms } = await import('./thai-text');
    const { editDistance } = await import('./search-plan');
    const terms = titleTerms('ประวัติเหมืองฝายพญาคำ', ['ปันน้ำ']);
    expect(terms).toEqual(expect.arrayContaining(['เหมืองฝายพญาคำ', 'ฝายพญาคำ', 'ประวัติ', 'ปันน้ำ']));
    expect(terms).not.toContain('ประวัติเหมืองฝายพญาคำ'.slice(0, 3));
    expect(editDistance('ธนาคารชยะ', 'ธนาคารขยะ')).toBe(1);
    expect(editDistance('ธนาคารชยะ', 'ธนาคาร')).toBe(3);
    expect(editDistance('ฟื้นฟูสมรถภาพ', 'ฟื้นฟูสมรรถภาพ')).toBe(1);
  });
});
