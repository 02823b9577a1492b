import type { MessageCatalog } from '../../platform/messages';
/** Field messages of the privacy (PDPA) module (merged into server/platform/messages.ts). */
export const PRIVACY_MESSAGES: MessageCatalog = {
  not_a_person: { th: 'ข้อมูลส่วนบุคคลตาม PDPA มีเฉพาะภาคีที่เป็นบุคคล', en: 'Only a partner who is a person has personal data under the PDPA.' },
  consent_in_future: { th: 'วันที่ให้ความยินยอมต้องไม่เป็นวันในอนาคต', en: 'The date given cannot be in the future.' },
  consent_withdrawn_already: { th: 'ความยินยอมนี้ถูกถอนแล้ว (บันทึกการถอนไว้แล้ว แก้ไม่ได้)', en: 'This consent was already withdrawn (kept as recorded).' },
  withdrawal_before_given: { th: 'วันที่ถอนต้องไม่ก่อนวันที่ให้ความยินยอม', en: 'A withdrawal cannot be dated before the consent.' },
  withdrawal_in_future: { th: 'วันที่ถอนต้องไม่เป็นวันในอนาคต', en: 'A withdrawal cannot be dated in the future.' },
  confirm_name_mismatch: { th: 'พิมพ์ชื่อให้ตรงกับชื่อในทะเบียนเพื่อยืนยันการลบ', en: 'Type the name exactly as registered to confirm the erasure.' },
  already_erased: { th: 'ข้อมูลของบุคคลนี้ถูกลบ (ทำให้ไม่ระบุตัวตน) แล้ว', en: 'This person’s data has already been erased (anonymised).' },
  erasure_has_account: {
    th: 'บุคคลนี้ผูกกับบัญชีผู้ใช้ที่ยังใช้งานอยู่ ให้ผู้ดูแลระบบปิดบัญชีหรือยกเลิกการผูกก่อน',
    en: 'This person is linked to an active user account; close or unlink the account first.',
  },
  erasure_pending_payment: {
    th: 'มีรายการการเงินของบุคคลนี้ที่รออนุมัติ ต้องเก็บไว้จนรายการเสร็จสิ้นตามระเบียบการเงินการคลัง (หน้าที่ตามกฎหมาย มาตรา 24(6))',
    en: 'A ledger transaction of this person is pending; it must be kept until settled (legal obligation, section 24(6)).',
  },
  erasure_unpaid_fine: {
    th: 'บุคคลนี้มีค่าปรับตามกฎระเบียบชุมชนที่ยังไม่ชำระ ต้องเก็บข้อมูลไว้จนกว่าจะชำระหรือยุติ (หน้าที่ตามกฎหมาย)',
    en: 'This person has an unpaid fine under a community regulation; the data must be kept until it is settled (legal obligation).',
  },
  erasure_committee_term: {
    th: 'บุคคลนี้ยังดำรงตำแหน่งในคณะกรรมการตามคำสั่งแต่งตั้ง ต้องเก็บไว้จนพ้นวาระ (หน้าที่ตามกฎหมาย)',
    en: 'This person holds a current committee appointment; the data must be kept until the term ends (legal obligation).',
  },
};
