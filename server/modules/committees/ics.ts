/**
 * An iCalendar (RFC 5545) invitation for one meeting: local times in Asia/Bangkok with its VTIMEZONE
 * (UTC+7, no daylight saving), TEXT values escaped (§3.3.11) and lines folded at 75 octets without
 * splitting a UTF-8 sequence (§3.1), CRLF line ends.
 */
export interface IcsEvent {
  uid: string;
  /** Calendar date yyyy-mm-dd and times HH:MM, in Bangkok time. */
  date: string;
  start: string;
  end: string | null;
  summary: string;
  location: string;
  description: string;
  stamp: Date;
}

export const escapeText = (s: string) =>
  s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');

/** Fold one content line into 75-octet lines; continuation lines start with a space (which counts). */
export function fold(line: string): string {
  const out: string[] = [];
  let cur = '';
  let octets = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch, 'utf8');
    const limit = out.length === 0 ? 75 : 74;
    if (octets + n > limit) {
      out.push(cur);
      cur = '';
      octets = 0;
    }
    cur += ch;
    octets += n;
  }
  out.push(cur);
  return out.join('\r\n ');
}

const local = (date: string, time: string) => `${date.replaceAll('-', '')}T${time.replace(':', '')}00`;
const utcStamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

export function meetingIcs(e: IcsEvent): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Phakhi//Committees//TH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VTIMEZONE',
    'TZID:Asia/Bangkok',
    'BEGIN:STANDARD',
    'DTSTART:19700101T000000',
    'TZOFFSETFROM:+0700',
    'TZOFFSETTO:+0700',
    'TZNAME:ICT',
    'END:STANDARD',
    'END:VTIMEZONE',
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `DTSTAMP:${utcStamp(e.stamp)}`,
    `DTSTART;TZID=Asia/Bangkok:${local(e.date, e.start)}`,
    ...(e.end ? [`DTEND;TZID=Asia/Bangkok:${local(e.date, e.end)}`] : []),
    `SUMMARY:${escapeText(e.summary)}`,
    `LOCATION:${escapeText(e.location)}`,
    `DESCRIPTION:${escapeText(e.description)}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}
