import type { MessageCatalog } from '../../platform/messages';
/** Field messages of the local plans module (merged into server/platform/messages.ts). */
export const LOCAL_PLAN_MESSAGES: MessageCatalog = {
  not_local_government: { th: 'ภาคีนี้ไม่ใช่องค์กรปกครองส่วนท้องถิ่น', en: 'This partner is not a local government.' },
  local_plan_exists: { th: 'องค์กรนี้มีแผนพัฒนาท้องถิ่นที่เริ่มปีนี้แล้ว', en: 'This local government already has a plan starting that year.' },
  original_exists: { th: 'แผนนี้มีฉบับเดิม (ฉบับแรก) แล้ว', en: 'This plan already has its original edition.' },
  original_first: { th: 'ต้องบันทึกแผนฉบับเดิมก่อนฉบับเพิ่มเติมหรือเปลี่ยนแปลง', en: 'Record the original edition before an addition or a change.' },
  before_original: { th: 'วันที่อนุมัติต้องไม่ก่อนวันที่ของแผนฉบับเดิม', en: 'The approval date cannot be before the original edition.' },
  unknown_local_plan: { th: 'ไม่พบแผนพัฒนาท้องถิ่นนี้', en: 'Unknown local plan.' },
  duplicate_local_plan: { th: 'แผนพัฒนาท้องถิ่นนี้ซ้ำกับรายการก่อนหน้า', en: 'This local plan is listed twice.' },
  unknown_programme: { th: 'ไม่พบแผนงานนี้ในแผนพัฒนาท้องถิ่นนี้', en: 'No such programme in this local plan.' },
  year_outside_plan: { th: 'ปีนี้อยู่นอกช่วงห้าปีของแผนพัฒนาท้องถิ่น', en: 'This year is outside the five years of the local plan.' },
  shares_must_add_up: {
    th: 'งบประมาณที่แบ่งให้แต่ละองค์กรในแต่ละปีรวมกันต้องเท่ากับงบประมาณของโครงการ',
    en: "The yearly shares of all local governments must add up to the project's budget.",
  },
  assignment_in_progress: {
    th: 'นำองค์กรนี้ออกไม่ได้ เพราะโครงการถูกบรรจุในแผนแล้ว ให้เปลี่ยนสถานะเป็นยกเลิกพร้อมเหตุผลแทน',
    en: 'Cannot remove: the project is already integrated there; drop it with a reason instead.',
  },
  status_order: {
    th: 'เปลี่ยนสถานะได้ทีละขั้น (เสนอ → บรรจุในแผน → ตั้งงบประมาณ → ดำเนินการแล้ว) หรือยกเลิกพร้อมเหตุผล',
    en: 'Status moves one step at a time (proposed → integrated → in the annual budget → done), or is dropped with a reason.',
  },
  edition_required: { th: 'ระบุฉบับของแผนที่บรรจุโครงการนี้', en: 'Give the edition the project is integrated into.' },
  unknown_edition: { th: 'ไม่พบฉบับนี้ของแผนพัฒนาท้องถิ่นนี้', en: 'No such edition of this local plan.' },
  status_kept_by_neighbour: {
    th: 'องค์กรนี้ใช้ภาคีด้วย สถานะการบรรจุโครงการบันทึกโดยองค์กรนั้นเองในระบบของตน',
    en: 'This local government uses Phakhi too: it records the integration status in its own space.',
  },
  assignment_withdrawn: { th: 'เจ้าของแผนร่วมได้ถอนโครงการนี้ออกจากแผนขององค์กรนี้แล้ว', en: 'The owner of the joint plan has withdrawn this project.' },
  edition_number: { th: 'ฉบับเดิมไม่มีครั้งที่ ฉบับเพิ่มเติมหรือเปลี่ยนแปลงต้องระบุครั้งที่ 1 ขึ้นไป', en: 'The original has no number; an addition or a change is numbered from 1.' },
  unknown_tenant: { th: 'ไม่พบหน่วยงานที่ใช้ภาคีด้วยรหัสนี้', en: 'No Phakhi local government with this code.' },
  tenant_already_linked: { th: 'หน่วยงานนี้เชื่อมกับภาคีรายอื่นแล้ว', en: 'This local government is already linked to another partner.' },
};
