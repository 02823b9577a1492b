import type { PDFPage } from 'pdf-lib';
import type { MeetingDetail } from '../../../common/schemas/committees';
import { formatThaiDate } from '../../../common/thai/dates';
import { thaiPdf } from '../../platform/thai-pdf';
import { SECTION_TITLES_TH } from './meetings.service';

/**
 * Minutes (รายงานการประชุม) as a PDF in the Thai official layout, made with platform/thai-pdf.ts like the
 * demo's Thai PDFs. A4, 3 cm left and 2 cm right margins, B.E. dates, Thai digits on request.
 */
const POSITION_TH: Record<string, string> = {
  chair: 'ประธานกรรมการ',
  vice_chair: 'รองประธานกรรมการ',
  member: 'กรรมการ',
  member_secretary: 'กรรมการและเลขานุการ',
  assistant_secretary: 'กรรมการและผู้ช่วยเลขานุการ',
};
const ABSENCE_TH: Record<string, string> = { leave: 'ลาประชุม', absent: 'ไม่มาประชุม' };

const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';
export const toThaiDigits = (s: string) => s.replace(/[0-9]/g, (d) => THAI_DIGITS[Number(d)]);
const time = (t: string) => `${t.replace(':', '.')} น.`;

export async function minutesPdf(m: MeetingDetail, opts: { tenantName: string; thaiDigits?: boolean }): Promise<Buffer> {
  const digits = (s: string) => (opts.thaiDigits ? toThaiDigits(s) : s);
  const { doc, rgb, width, draw: drawAt, wrap } = await thaiPdf();
  const [W, H, LEFT, RIGHT, TOP, BOTTOM] = [595.28, 841.89, 85, 57, 71, 57];
  let page: PDFPage = doc.addPage([W, H]);
  let y = H - TOP;
  const draw = (text: string, x: number, size: number) => drawAt(page, text, x, y - size, size, rgb(0, 0, 0));
  /** A paragraph: wrapped, indented, or centred; a new page when the bottom margin is reached. */
  const para = (raw: string, o: { size?: number; indent?: number; center?: boolean; gap?: number; firstIndent?: number } = {}) => {
    const size = o.size ?? 15;
    const indent = o.indent ?? 0;
    for (const [i, source] of digits(raw).split('\n').entries()) {
      const lines = wrap(source, size, W - LEFT - RIGHT - indent - (i === 0 ? (o.firstIndent ?? 0) : 0));
      // a blank line still takes its place
      for (const [j, l] of (lines.length ? lines : ['']).entries()) {
        if (y - size * 1.45 < BOTTOM) {
          page = doc.addPage([W, H]);
          y = H - TOP;
        }
        const x = o.center ? (W - width(l, size)) / 2 : LEFT + indent + (i === 0 && j === 0 ? (o.firstIndent ?? 0) : 0);
        draw(l, x, size);
        y -= size * 1.45;
      }
    }
    y -= o.gap ?? 2;
  };

  const title = `รายงานการประชุม${m.committeeName}`;
  if (m.minutesStatus !== 'certified') {
    draw(digits('(ร่าง)'), W - RIGHT - width('(ร่าง)', 14), 14);
  }
  para(title, { size: 17, center: true });
  para(`ครั้งที่ ${m.number}/${m.yearBE}`, { size: 16, center: true });
  para(`เมื่อวันที่ ${formatThaiDate(m.meetingDate, { style: 'long' })}`, { size: 16, center: true });
  para(`ณ ${m.place}`, { size: 16, center: true });
  para('-------------------------------', { center: true, gap: 8 });

  const present = m.attendance.filter((a) => a.status === 'present' || a.status === 'substitute');
  const away = m.attendance.filter((a) => a.status === 'leave' || a.status === 'absent');
  para('ผู้มาประชุม', { gap: 4 });
  present.forEach((a, i) =>
    para(
      a.status === 'substitute'
        ? `${i + 1}. ${a.substituteName}  แทน ${a.party.name}  ${POSITION_TH[a.position]}`
        : `${i + 1}. ${a.party.name}  ${POSITION_TH[a.position]}`,
      { indent: 20 },
    ),
  );
  if (away.length) {
    para('ผู้ไม่มาประชุม', { gap: 4 });
    away.forEach((a, i) => para(`${i + 1}. ${a.party.name}  ${POSITION_TH[a.position]}  (${ABSENCE_TH[a.status!]})`, { indent: 20 }));
  }
  y -= 6;
  para(`เริ่มประชุมเวลา ${time(m.startTime)}`, { gap: 4 });
  para(
    `เมื่อกรรมการมาครบองค์ประชุมแล้ว (มาประชุม ${m.quorum.present} คน จากกรรมการที่อยู่ในตำแหน่ง ${m.quorum.inOffice} คน) ประธานกล่าวเปิดการประชุมและดำเนินการประชุมตามระเบียบวาระ ดังนี้`,
    { firstIndent: 40, gap: 8 },
  );

  for (const section of [1, 2, 3, 4, 5]) {
    para(`ระเบียบวาระที่ ${section}  ${SECTION_TITLES_TH[section]}`, { gap: 4 });
    const items = m.agenda.filter((a) => a.section === section);
    if (section === 2)
      for (const c of m.certified)
        para(
          `ที่ประชุมรับรองรายงานการประชุมครั้งที่ ${c.number}/${c.yearBE} เมื่อวันที่ ${formatThaiDate(c.meetingDate, { style: 'long' })} ${c.corrections ? `โดยมีการแก้ไข ดังนี้ ${c.corrections}` : 'โดยไม่มีการแก้ไข'}`,
          { indent: 20, firstIndent: 20 },
        );
    if (!items.length && !(section === 2 && m.certified.length)) para('- ไม่มี -', { indent: 20 });
    items.forEach((item, i) => {
      para(`${section}.${i + 1} ${item.title}`, { indent: 20 });
      if (item.details) para(item.details, { indent: 20, firstIndent: 20 });
      if (item.discussion) para(item.discussion, { indent: 20, firstIndent: 20 });
      for (const r of m.resolutions.filter((x) => x.agendaItemId === item.id)) resolutionPara(r);
    });
    if (section === 5) for (const r of m.resolutions.filter((x) => !x.agendaItemId)) resolutionPara(r);
    y -= 6;
  }
  function resolutionPara(r: MeetingDetail['resolutions'][number]) {
    para(`มติที่ประชุม  ${r.text} (เห็นด้วย ${r.votesFor} เสียง ไม่เห็นด้วย ${r.votesAgainst} เสียง งดออกเสียง ${r.votesAbstain} เสียง)`, { indent: 20, firstIndent: 20 });
    for (const a of r.actionItems)
      para(`มอบหมาย ${a.owner.name} ดำเนินการ "${a.title}" ภายในวันที่ ${formatThaiDate(a.dueDate, { style: 'long' })}`, { indent: 40 });
  }
  if (m.endTime) para(`เลิกประชุมเวลา ${time(m.endTime)}`, { gap: 20 });
  else y -= 18;
  const sign = (name: string | null, role: string) => {
    para('(ลงชื่อ) ..........................................', { indent: 200 });
    para(`(${name ?? '..........................................'})`, { indent: 225 });
    para(role, { indent: 225, gap: 16 });
  };
  sign(m.minutesRecorder, 'ผู้จดรายงานการประชุม');
  sign(m.minutesChecker, 'ผู้ตรวจรายงานการประชุม');
  if (m.certifiedBy)
    para(
      `ที่ประชุมรับรองรายงานการประชุมนี้แล้ว ในการประชุมครั้งที่ ${m.certifiedBy.number}/${m.certifiedBy.yearBE} เมื่อวันที่ ${formatThaiDate(m.certifiedBy.meetingDate, { style: 'long' })}`,
      {
        size: 13,
      },
    );

  doc.setTitle(`${title} ครั้งที่ ${m.number}/${m.yearBE}`);
  doc.setAuthor(opts.tenantName);
  doc.setProducer('Phakhi');
  doc.setCreator('Phakhi');
  doc.setLanguage('th-TH');
  return Buffer.from(await doc.save());
}
