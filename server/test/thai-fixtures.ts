/** Long Thai text for the text-path tests and the benchmark: varied sentences, a paragraph break now and then. */
const SENTENCES = [
  'การจัดการทรัพยากรน้ำของชุมชนบ้านหนองบัวเป็นตัวอย่างที่ดีของความร่วมมือระหว่างองค์กรปกครองส่วนท้องถิ่นและภาคประชาสังคม',
  'ผู้สูงอายุในตำบลชมภูรวมกลุ่มกันฟื้นฟูสมรรถภาพร่างกายด้วยการออกกำลังกายด้วยไม้พลองทุกเช้าวันพุธ',
  'เครือข่ายเฝ้าระวังหมอกควันจัดเวรลาดตระเวนป้องกันไฟป่าในช่วงฤดูแล้งร่วมกับอาสาสมัครป้องกันภัยฝ่ายพลเรือน',
  'ธนาคารขยะรีไซเคิลของโรงเรียนช่วยให้นักเรียนเรียนรู้การคัดแยกขยะและมีรายได้เสริมจากการขายวัสดุ',
];

export function thaiText(chars: number, { spaces = true }: { spaces?: boolean } = {}): string {
  let out = '';
  for (let i = 0; out.length < chars; i++) {
    out += SENTENCES[i % SENTENCES.length] + (spaces ? (i % 7 === 6 ? '\n\n' : ' ') : '');
  }
  return out.slice(0, chars);
}
