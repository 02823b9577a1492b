/** Field messages of the water module (merged into server/platform/messages.ts). */
export const WATER_MESSAGES: Record<string, { th: string; en: string }> = {
  unknown_source: { th: 'ไม่พบแหล่งน้ำหรือสิ่งก่อสร้างนี้', en: 'Unknown water source or structure.' },
  parent_kind: {
    th: 'ฝายไม่มีต้นทาง เหมืองซอยต้องแยกจากเหมือง ประตูน้ำและสิ่งอื่นต้องอยู่บนฝายหรือเหมือง',
    en: 'A weir has no parent; a side canal branches from a canal; gates and the rest sit on a weir or a canal.',
  },
  parent_cycle: { th: 'ต้นทางนี้ทำให้เกิดวงวน (เป็นสายย่อยของตัวเอง)', en: 'This parent would make a loop (it lies downstream of itself).' },
  rai_hundredths: { th: 'พื้นที่ระบุได้ละเอียดถึงทศนิยมสองตำแหน่งของไร่', en: 'Area is given to hundredths of a rai.' },
  duplicate_water_member: { th: 'สมาชิกคนนี้ซ้ำกับรายการก่อนหน้า', en: 'This member is listed twice.' },
  one_head: { th: 'กลุ่มหนึ่งมีหัวหน้ากลุ่ม (แก่ฝาย) ได้คนเดียว', en: 'A group has one head (kae fai).' },
  group_name_taken: { th: 'มีกลุ่มผู้ใช้น้ำชื่อนี้แล้ว', en: 'A water-user group of this name exists.' },
  no_groups: { th: 'ไม่มีกลุ่มผู้ใช้น้ำที่รับน้ำจากแหล่งนี้', en: 'No water-user group takes water from this source.' },
  season_too_long: { th: 'ฤดูหนึ่งยาวได้ไม่เกิน 366 วัน', en: 'A season is at most 366 days.' },
  season_shorter_than_turn: { th: 'ฤดูสั้นกว่าหนึ่งรอบเวร', en: 'The season is shorter than one turn.' },
  turn_outside_season: { th: 'รอบเวรต้องอยู่ภายในฤดู (06:00 น. วันแรก ถึง 06:00 น. วันถัดจากวันสุดท้าย)', en: 'A turn must lie inside the season.' },
  turn_overlap: { th: 'รอบเวรนี้ทับซ้อนกับรอบเวรอื่น', en: 'This turn overlaps another turn.' },
  turn_end_before_start: { th: 'เวลาสิ้นสุดต้องหลังเวลาเริ่ม', en: 'The end must come after the start.' },
  rota_published: { th: 'ตารางรอบเวรนี้ประกาศแล้ว แก้ไขไม่ได้', en: 'This rota is published and cannot change.' },
  invalid_datetime: { th: 'วันเวลาไม่ถูกต้อง (เช่น 2027-02-01T06:00:00+07:00)', en: 'Invalid date-time (e.g. 2027-02-01T06:00:00+07:00).' },
  incident_in_future: { th: 'วันที่เกิดเหตุต้องไม่เป็นวันในอนาคต', en: 'An incident cannot be dated in the future.' },
  no_fine_for_clause: {
    th: 'ข้อนี้ไม่มีค่าปรับในฉบับที่ใช้บังคับในวันเกิดเหตุ',
    en: 'The version in force on the incident date sets no fine for this clause.',
  },
  fine_paid: { th: 'ค่าปรับนี้ชำระแล้ว', en: 'This fine is already paid.' },
  paid_before_incident: { th: 'วันที่ชำระต้องไม่ก่อนวันเกิดเหตุ', en: 'Payment cannot precede the incident.' },
};
