import type { z } from 'zod';
import { COMMITTEE_MESSAGES } from '../modules/committees/messages';
import { LOCAL_PLAN_MESSAGES } from '../modules/localplans/messages';
import { EVIDENCE_MESSAGES } from '../modules/evidence/messages';
import { REGULATION_MESSAGES } from '../modules/regulations/messages';
import { WATER_MESSAGES } from '../modules/water/messages';
import { NOTIFICATION_MESSAGES } from '../modules/notifications/messages';
import { PRIVACY_MESSAGES } from '../modules/privacy/messages';

export type Lang = 'th' | 'en';

export function langOf(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'th';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'th';
}

/** Thai and English words for each message key; a module keeps its own in its messages.ts. */
export type MessageCatalog = Record<string, { th: string; en: string }>;

const PLATFORM_MESSAGES: MessageCatalog = {
  bad_request: { th: 'คำขอไม่ถูกต้อง', en: 'The request is not valid.' },
  validation_failed: { th: 'ข้อมูลไม่ถูกต้อง กรุณาตรวจสอบช่องที่ระบุ', en: 'Some fields are not valid.' },
  unauthenticated: { th: 'กรุณาเข้าสู่ระบบ', en: 'Please log in.' },
  invalid_credentials: { th: 'อีเมลหรือรหัสผ่านไม่ถูกต้อง', en: 'Wrong email or password.' },
  account_disabled: { th: 'บัญชีนี้ถูกระงับการใช้งาน', en: 'This account is disabled.' },
  forbidden: { th: 'คุณไม่มีสิทธิ์ทำรายการนี้', en: 'You are not allowed to do this.' },
  bad_origin: { th: 'คำขอมาจากแหล่งที่ไม่อนุญาต', en: 'Request origin not allowed.' },
  not_found: { th: 'ไม่พบข้อมูลที่ต้องการ', en: 'Not found.' },
  tenant_not_found: { th: 'ไม่พบองค์กรปกครองส่วนท้องถิ่นนี้', en: 'Unknown local government.' },
  conflict: { th: 'ข้อมูลซ้ำหรือขัดแย้งกับข้อมูลที่มีอยู่', en: 'This conflicts with existing data.' },
  email_taken: { th: 'อีเมลนี้มีผู้ใช้แล้ว', en: 'This email is already in use.' },
  link_invalid: {
    th: 'ลิงก์นี้ใช้ไม่ได้แล้ว (หมดอายุ ถูกใช้ไปแล้ว หรือถูกยกเลิก) กรุณาขอลิงก์ใหม่จากผู้ดูแล',
    en: 'This link no longer works (expired, used or withdrawn). Ask your admin for a new one.',
  },
  password_change_required: { th: 'กรุณาตั้งรหัสผ่านใหม่ก่อนใช้งาน', en: 'Please choose a new password first.' },
  reset_needs_platform_admin: {
    th: 'บัญชีนี้ใช้กับหน่วยงานอื่นด้วย ผู้ดูแลแพลตฟอร์มเท่านั้นที่ออกลิงก์ตั้งรหัสผ่านใหม่ได้',
    en: 'This account is also used elsewhere; only the platform admin can issue a reset link.',
  },
  rate_limited: { th: 'ทำรายการบ่อยเกินไป กรุณารอสักครู่แล้วลองใหม่', en: 'Too many attempts. Please wait and try again.' },
  payload_too_large: { th: 'ไฟล์หรือข้อมูลมีขนาดใหญ่เกินไป', en: 'The upload is too large.' },
  unsupported_file: { th: 'ไม่รองรับไฟล์ประเภทนี้', en: 'Unsupported file type.' },
  import_file_type: { th: 'นำเข้าได้เฉพาะไฟล์ CSV หรือ XLSX', en: 'Import takes CSV or XLSX files only.' },
  import_has_errors: { th: 'มีแถวที่ไม่ถูกต้อง จึงไม่ได้นำเข้าข้อมูลใดเลย', en: 'Some rows are invalid, so nothing was imported.' },
  internal: { th: 'เกิดข้อผิดพลาดในระบบ', en: 'Something went wrong on our side.' },
  // field message keys
  required: { th: 'จำเป็นต้องกรอก', en: 'Required.' },
  invalid_date: { th: 'วันที่ไม่ถูกต้อง', en: 'Not a valid date.' },
  end_before_start: { th: 'วันสิ้นสุดต้องไม่ก่อนวันเริ่มต้น', en: 'End date must not be before the start date.' },
  invalid_citizen_id: { th: 'เลขประจำตัวประชาชนไม่ถูกต้อง (13 หลักและเลขตรวจสอบต้องถูกต้อง)', en: 'Invalid Thai citizen ID (13 digits with a valid check digit).' },
  citizen_id_only_for_people: { th: 'เลขประจำตัวประชาชนใช้ได้กับบุคคลเท่านั้น', en: 'Only people can have a citizen ID.' },
  unknown_province: { th: 'ไม่พบจังหวัดนี้', en: 'Unknown province.' },
  unknown_district: { th: 'ไม่พบอำเภอ/เขตนี้ในจังหวัดที่เลือก', en: 'This district is not in the chosen province.' },
  unknown_subdistrict: { th: 'ไม่พบตำบล/แขวงนี้ในอำเภอที่เลือก', en: 'This subdistrict is not in the chosen district.' },
  postcode_mismatch: { th: 'รหัสไปรษณีย์ไม่ตรงกับตำบล/อำเภอ', en: 'Postcode does not match the subdistrict/district.' },
  address_incomplete: { th: 'กรุณาระบุตำบล อำเภอ จังหวัดให้ครบ', en: 'Please give subdistrict, district and province.' },
  unknown_party: { th: 'ไม่พบภาคีนี้', en: 'Unknown partner.' },
  same_party: { th: 'ความสัมพันธ์ต้องเป็นระหว่างภาคีสองรายที่ต่างกัน', en: 'A relationship needs two different partners.' },
  already_member: { th: 'ภาคีนี้เป็นสมาชิกเครือข่ายอยู่แล้ว', en: 'This partner is already a member.' },
  invalid_json: { th: 'รูปแบบ JSON ไม่ถูกต้อง', en: 'Malformed JSON.' },
  invalid_email: { th: 'รูปแบบอีเมลไม่ถูกต้อง', en: 'Not a valid email address.' },
  password_too_short: { th: 'รหัสผ่านต้องยาวอย่างน้อย 10 ตัวอักษร', en: 'Password must be at least 10 characters.' },
  password_weak: {
    th: 'รหัสผ่านนี้เดาได้ง่ายมาก (เป็นคำหรือรูปแบบที่ใช้กันทั่วไป) กรุณาใช้วลียาว ๆ หลายคำที่คนอื่นเดาไม่ได้',
    en: 'This password is very easy to guess (a common word or pattern). Use a long phrase of several words others cannot guess.',
  },
  password_fair: {
    th: 'รหัสผ่านนี้ยังเดาได้ไม่ยากพอ กรุณาเพิ่มคำหรือทำให้ยาวขึ้น',
    en: 'This password is not hard enough to guess yet. Add a word or make it longer.',
  },
  password_unchanged: { th: 'รหัสผ่านใหม่ต้องไม่ซ้ำกับรหัสผ่านเดิม', en: 'The new password must differ from the current one.' },
  wrong_password: { th: 'รหัสผ่านไม่ถูกต้อง', en: 'Wrong password.' },
  already_in_tenant: { th: 'ผู้ใช้อีเมลนี้เป็นสมาชิกของหน่วยงานนี้อยู่แล้ว', en: 'This e-mail is already a member here.' },
  invalid_slug: {
    th: 'ใช้อักษรภาษาอังกฤษตัวเล็ก ตัวเลข และขีด (-) 3–40 ตัว ขึ้นต้นด้วยตัวอักษร',
    en: 'Use 3–40 lower-case letters, digits and hyphens, starting with a letter.',
  },
  slug_taken: { th: 'ชื่อย่อนี้มีหน่วยงานอื่นใช้แล้ว', en: 'Another local government uses this short name.' },
  tenant_exists: { th: 'มีหน่วยงานชื่อนี้ในจังหวัดนี้แล้ว', en: 'A local government of this name exists in this province.' },
  person_fields_only: { th: 'ช่องนี้ใช้ได้กับบุคคลเท่านั้น', en: 'Only for people.' },
  org_fields_only: { th: 'ช่องนี้ใช้ได้กับองค์กรเท่านั้น', en: 'Only for organisations.' },
  unknown_field: { th: 'ไม่รู้จักช่องนี้', en: 'Unknown field.' },
  cannot_remove_self: { th: 'ไม่สามารถระงับบัญชีของตนเองได้', en: 'You cannot disable your own account.' },
  // knowledge management
  unknown_network: { th: 'ไม่พบเครือข่ายนี้', en: 'Unknown network.' },
  unknown_item: { th: 'ไม่พบชุดความรู้นี้ หรือคุณไม่มีสิทธิ์เข้าถึง', en: 'Unknown knowledge item, or not visible to you.' },
  unknown_version: { th: 'ไม่พบฉบับนี้', en: 'Unknown version.' },
  network_visibility_needs_network: { th: 'การเผยแพร่เฉพาะเครือข่ายต้องเลือกเครือข่ายอย่างน้อยหนึ่งเครือข่าย', en: 'Network-only visibility needs at least one network.' },
  version_conflict: {
    th: 'มีผู้อื่นแก้ไขชุดความรู้นี้ไปแล้ว กรุณาโหลดฉบับล่าสุดก่อนแก้ไข',
    en: 'Someone else has edited this item since you opened it. Reload the latest version first.',
  },
  file_too_large: { th: 'ไฟล์ต้องมีขนาดไม่เกิน 10 MB', en: 'The file must be at most 10 MB.' },
  file_type_not_allowed: {
    th: 'ไม่รองรับไฟล์ประเภทนี้ (รองรับ PDF, PNG, JPEG, WebP, DOCX, XLSX, PPTX และไฟล์ข้อความ UTF-8) ระบบตรวจจากเนื้อไฟล์ ไม่ใช่จากนามสกุล',
    en: 'File type not allowed (PDF, PNG, JPEG, WebP, DOCX, XLSX, PPTX or UTF-8 text), judged by the content, not the name.',
  },
  unsafe_filename: { th: 'ชื่อไฟล์ไม่ปลอดภัย (มีเครื่องหมาย / \\ .. หรืออักขระควบคุม)', en: 'Unsafe file name (contains / \\ .. or control characters).' },
  archive_too_large: {
    th: 'ไฟล์นี้เมื่อแตกออกมามีขนาดใหญ่เกินไป มีส่วนประกอบมากเกินไป หรือบีบอัดผิดปกติ (อาจเป็นไฟล์ zip bomb) ระบบจึงไม่รับไฟล์นี้',
    en: 'This file is too large once unpacked, has too many parts, or is compressed abnormally (possibly a zip bomb), so it was refused.',
  },
  http_url_only: { th: 'ต้องเป็นลิงก์ที่ขึ้นต้นด้วย http:// หรือ https://', en: 'Must be a link starting with http:// or https://.' },
  date_too_early: { th: 'วันที่ต้องไม่ก่อน 1 ม.ค. 2500', en: 'The date must not be before 1 Jan 1957 (2500 B.E.).' },
  date_too_late: { th: 'วันที่ต้องไม่เกินหนึ่งปีนับจากวันนี้', en: 'The date must not be more than a year from today.' },
  compressed_body: {
    th: 'ไม่รับข้อมูลที่ส่งมาแบบบีบอัด (Content-Encoding) กรุณาส่งแบบไม่บีบอัด',
    en: 'Compressed request bodies (Content-Encoding) are not accepted; send the body uncompressed.',
  },
  nul_character: { th: 'มีอักขระ NUL (\\0) ซึ่งไม่อนุญาต', en: 'Contains a NUL character (\\0), which is not allowed.' },
  one_file_only: { th: 'ส่งได้ครั้งละหนึ่งไฟล์', en: 'Send one file at a time.' },
  network_or_party: { th: 'ระบุเครือข่ายหรือภาคีอย่างใดอย่างหนึ่ง', en: 'Give either a network or a partner.' },
  duplicate_participant: { th: 'ผู้เข้าร่วมนี้ซ้ำกับรายการก่อนหน้า', en: 'This participant is listed twice.' },
  // strategy, joint plans and participation
  fiscal_year_be: { th: 'ปีงบประมาณต้องเป็นปี พ.ศ. (เช่น 2569)', en: 'Fiscal year must be a Buddhist-era year (e.g. 2569).' },
  outside_fiscal_year: { th: 'วันที่ต้องอยู่ในปีงบประมาณของแผน (1 ต.ค. – 30 ก.ย.)', en: "The date must fall within the plan's fiscal year (1 Oct – 30 Sep)." },
  outside_plan_period: { th: 'วันที่ต้องอยู่ในช่วงเวลาของแผน', en: "The date must fall within the plan's period." },
  work_outside_period: {
    th: 'มีโครงการหรือกิจกรรมที่อยู่นอกช่วงเวลาใหม่ของแผน กรุณาแก้ไขวันที่ของโครงการ/กิจกรรมก่อน',
    en: "Some projects or activities would fall outside the plan's new period; change their dates first.",
  },
  before_plan_start: { th: 'วันที่รายงานต้องไม่ก่อนวันเริ่มแผน', en: 'The report date must not be before the plan starts.' },
  satang_integer: { th: 'จำนวนเงินต้องเป็นจำนวนเต็มในหน่วยสตางค์ (ไม่มีทศนิยม)', en: 'Amounts are whole satang (no fractions).' },
  must_not_be_negative: { th: 'ต้องไม่ติดลบ', en: 'Must not be negative.' },
  amount_too_large: { th: 'จำนวนเงินมากเกินไป', en: 'The amount is too large.' },
  percentage_range: { th: 'ร้อยละต้องเป็นจำนวนเต็มตั้งแต่ 0 ถึง 100', en: 'Percentage must be a whole number from 0 to 100.' },
  weight_integer: { th: 'น้ำหนักต้องเป็นจำนวนเต็มไม่ติดลบ', en: 'Weight must be a whole number, not negative.' },
  head_count_range: { th: 'จำนวนคนต้องเป็นจำนวนเต็มตั้งแต่ 1 ขึ้นไป', en: 'Head count must be a whole number of at least 1.' },
  invalid_number: { th: 'ต้องเป็นตัวเลข', en: 'Must be a number.' },
  unknown_strategy: { th: 'ไม่พบยุทธศาสตร์นี้', en: 'Unknown strategy.' },
  strategy_not_in_goal: { th: 'ยุทธศาสตร์นี้ไม่ได้อยู่ภายใต้เป้าประสงค์ที่เลือก', en: 'This strategy does not belong to the chosen goal.' },
  unknown_goal: { th: 'ไม่พบเป้าประสงค์นี้', en: 'Unknown goal.' },
  unknown_indicator: { th: 'ไม่พบตัวชี้วัดนี้', en: 'Unknown indicator.' },
  duplicate_year: { th: 'ปีงบประมาณนี้ซ้ำกับรายการก่อนหน้า', en: 'This fiscal year is listed twice.' },
  unknown_plan: { th: 'ไม่พบแผนนี้', en: 'Unknown plan.' },
  unknown_activity: { th: 'ไม่พบกิจกรรมนี้', en: 'Unknown activity.' },
  activity_not_in_plan: { th: 'กิจกรรมนี้ไม่ได้อยู่ในแผนที่เลือก', en: 'This activity is not in the chosen plan.' },
  party_or_group: { th: 'ระบุภาคีหรือชื่อหมู่บ้าน/กลุ่มพร้อมจำนวนคน', en: 'Give a partner, or a village/group name with a head count.' },
  // manpower: skills, teams, tasks, volunteer hours
  person_only: { th: 'ใช้ได้กับภาคีที่เป็นบุคคลเท่านั้น', en: 'Only for people.' },
  unknown_person: { th: 'ไม่พบบุคคลนี้ในทะเบียนภาคี', en: 'No such person in the registry.' },
  unknown_team: { th: 'ไม่พบทีมนี้', en: 'Unknown team.' },
  unknown_task: { th: 'ไม่พบงานนี้', en: 'Unknown task.' },
  task_not_in_activity: { th: 'งานนี้ไม่ได้อยู่ในกิจกรรมที่เลือก', en: 'This task does not belong to the chosen activity.' },
  activity_or_task: { th: 'ระบุกิจกรรมหรืองานที่ทำ', en: 'Give the activity or the task.' },
  hours_positive: { th: 'จำนวนชั่วโมงต้องมากกว่า 0', en: 'Hours must be more than 0.' },
  hours_max_day: { th: 'หนึ่งวันบันทึกได้ไม่เกิน 24 ชั่วโมง', en: 'At most 24 hours in a day.' },
  hours_whole_minutes: { th: 'จำนวนชั่วโมงต้องเป็นนาทีเต็ม (เช่น 1.5 = 1 ชั่วโมง 30 นาที)', en: 'Hours must be whole minutes (e.g. 1.5 = 1 h 30 min).' },
  day_over_24h: { th: 'รวมชั่วโมงของวันนี้จะเกิน 24 ชั่วโมง', en: "This day's hours would exceed 24 in total." },
  date_in_future: { th: 'วันที่ต้องไม่เป็นวันในอนาคต', en: 'The date must not be in the future.' },
  no_linked_person: { th: 'บัญชีนี้ยังไม่ได้เชื่อมกับบุคคลในทะเบียนภาคี กรุณาติดต่อเจ้าหน้าที่', en: 'This account is not linked to a person in the registry; ask an officer.' },
  already_confirmed: { th: 'ชั่วโมงนี้ได้รับการยืนยันแล้ว แก้ไขไม่ได้', en: 'These hours are confirmed and cannot be changed.' },
  not_pending: { th: 'รายการนี้ไม่ได้รอการยืนยัน', en: 'These hours are not awaiting confirmation.' },
  // budget and ledger
  amount_not_zero: { th: 'จำนวนเงินต้องมากกว่าศูนย์', en: 'The amount must be more than zero.' },
  at_least_two_entries: { th: 'รายการบัญชีต้องมีอย่างน้อยสองบรรทัด (เดบิตและเครดิต)', en: 'A transaction needs at least two entries (a debit and a credit).' },
  entries_unbalanced: { th: 'ยอดเดบิตและเครดิตไม่เท่ากัน', en: 'Debits and credits do not balance.' },
  unknown_fund: { th: 'ไม่พบแหล่งเงินนี้', en: 'Unknown source of funds.' },
  unknown_budget_line: { th: 'ไม่พบรายการงบประมาณนี้', en: 'Unknown budget line.' },
  budget_line_required: { th: 'บัญชีผูกพันและใช้จ่ายต้องระบุรายการงบประมาณ', en: 'Commitments and expenses need a budget line.' },
  budget_line_not_allowed: { th: 'บัญชีแหล่งเงินและรับสมทบไม่ระบุรายการงบประมาณ', en: 'Fund and contribution entries take no budget line.' },
  fund_party_required: { th: 'แหล่งเงินนี้ต้องระบุภาคีผู้ให้', en: 'This source of funds needs the contributing partner.' },
  unknown_project: { th: 'ไม่พบโครงการนี้', en: 'Unknown project.' },
  project_not_in_plan: { th: 'โครงการนี้ไม่ได้อยู่ในแผนที่เลือก', en: 'This project is not in the chosen plan.' },
  activity_not_in_project: { th: 'กิจกรรมนี้ไม่ได้อยู่ในโครงการที่เลือก', en: 'This activity is not in the chosen project.' },
  reason_required: { th: 'กรุณาระบุเหตุผล (อย่างน้อย 3 ตัวอักษร)', en: 'Give a reason (at least 3 characters).' },
  maker_cannot_approve: { th: 'ผู้บันทึกรายการอนุมัติรายการของตนเองไม่ได้', en: 'The maker of a transaction cannot approve it.' },
  transaction_not_pending: { th: 'รายการนี้ไม่ได้รออนุมัติแล้ว', en: 'This transaction is no longer pending.' },
  not_posted: { th: 'กลับรายการได้เฉพาะรายการที่ผ่านการบันทึกบัญชีแล้ว', en: 'Only posted transactions can be reversed.' },
  reversal_of_reversal: { th: 'รายการกลับรายการไม่สามารถกลับรายการซ้ำได้', en: 'A reversal cannot itself be reversed.' },
  already_reversed: { th: 'รายการนี้ถูกกลับรายการแล้ว', en: 'This transaction has already been reversed.' },
  rejected: { th: 'รายการนี้ถูกปฏิเสธแล้ว', en: 'This transaction was rejected.' },
  allocation_below_used: {
    th: 'ยอดจัดสรรต้องไม่น้อยกว่ายอดที่ผูกพันและใช้จ่ายแล้วของรายการนี้',
    en: 'The allocation must not be less than what this line has committed and spent.',
  },
  budget_line_in_use: {
    th: 'ลบไม่ได้ เพราะมีรายการบัญชีผูกกับรายการงบประมาณนี้แล้ว (แก้ชื่อหรือยอดจัดสรรได้)',
    en: 'Cannot delete: ledger transactions are booked against this budget line (its name and allocation can still be changed).',
  },
  nothing_to_change: { th: 'ไม่มีข้อมูลที่จะแก้ไข', en: 'Nothing to change.' },
  fund_overdrawn: {
    th: 'แหล่งเงินนี้มียอดคงเหลือไม่พอ (จ่ายเกินกว่าที่ได้รับ) ถ้าจำเป็นต้องจ่ายเกิน ให้ระบุเหตุผลเพื่อให้เจ้าหน้าที่อีกคนอนุมัติ',
    en: 'This fund does not hold enough (it would pay out more than it received). If the overdraft is needed, give a reason for a second officer to approve.',
  },
  line_over_allocation: {
    th: 'รายการงบประมาณนี้จะใช้เกินยอดจัดสรร ให้ขอเพิ่มยอดจัดสรร หรือระบุเหตุผลเพื่อให้เจ้าหน้าที่อีกคนอนุมัติ',
    en: 'This budget line would use more than its allocation. Raise the allocation, or give a reason for a second officer to approve.',
  },
  exception_reason_required: {
    th: 'ระบุเหตุผลที่ต้องจ่ายเกินยอดคงเหลือหรือเกินยอดจัดสรร (เจ้าหน้าที่อีกคนจะพิจารณาอนุมัติ)',
    en: 'Give the reason for paying beyond the balance or the allocation (a second officer decides).',
  },
  evidence_required: { th: 'รายการเบิกจ่ายนี้ต้องแนบหลักฐาน (ใบเสร็จ) ก่อนอนุมัติ', en: 'This expense needs evidence (a receipt) before it is approved.' },
  no_threshold_proposal: { th: 'ไม่มีการขอเปลี่ยนเกณฑ์ที่รออนุมัติ', en: 'No threshold change is waiting for approval.' },
  fund_duplicate: { th: 'มีแหล่งเงินชื่อนี้ในปีงบประมาณนี้แล้ว', en: 'A fund of this name already exists in this fiscal year.' },
  fund_in_use: {
    th: 'ลบไม่ได้ เพราะมีรายการบัญชีบันทึกกับแหล่งเงินนี้แล้ว (แก้ชื่อ ประเภท หรือหมายเหตุได้)',
    en: 'Cannot delete: ledger transactions are booked against this fund (its name, kind and note can still be changed).',
  },
  plan_duplicate: { th: 'มีแผนชื่อนี้ในปีงบประมาณนี้แล้ว', en: 'A plan of this name already exists in this fiscal year.' },
  evidence_type_not_allowed: {
    th: 'หลักฐานต้องเป็นรูปภาพ (PNG, JPEG, WebP) หรือ PDF ระบบตรวจจากเนื้อไฟล์',
    en: 'Evidence must be a photo (PNG, JPEG, WebP) or a PDF, judged by the content.',
  },
};

/** A module's messages join the platform's; a key defined twice (one silently replacing the other) stops the start. */
function withModules(base: MessageCatalog, ...modules: MessageCatalog[]): MessageCatalog {
  const all = { ...base };
  for (const messages of modules)
    for (const [key, value] of Object.entries(messages)) {
      if (key in all) throw new Error(`message key "${key}" is defined twice`);
      all[key] = value;
    }
  return all;
}

/** Error codes and field message keys, in Thai (default) and English. */
export const MESSAGES: MessageCatalog = withModules(
  PLATFORM_MESSAGES,
  COMMITTEE_MESSAGES,
  LOCAL_PLAN_MESSAGES,
  EVIDENCE_MESSAGES,
  REGULATION_MESSAGES,
  WATER_MESSAGES,
  NOTIFICATION_MESSAGES,
  PRIVACY_MESSAGES,
);

export function t(key: string, lang: Lang, params?: Record<string, string | number>): string {
  const entry = MESSAGES[key];
  let text = entry ? entry[lang] : key;
  if (params) for (const [k, v] of Object.entries(params)) text = text.replaceAll(`{${k}}`, String(v));
  return text;
}

const TYPE_TH: Record<string, string> = { string: 'ข้อความ', number: 'ตัวเลข', boolean: 'ค่าจริง/เท็จ', array: 'รายการ', object: 'ออบเจ็กต์', date: 'วันที่' };

/** A person-readable message for one zod issue, in the request's language. */
export function issueMessage(issue: z.core.$ZodIssue & { input?: unknown }, lang: Lang): string {
  if (MESSAGES[issue.message]) return t(issue.message, lang);
  const th = lang === 'th';
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return t('required', lang);
      return th ? `ต้องเป็น${TYPE_TH[issue.expected] ?? issue.expected}` : `Must be a ${issue.expected}.`;
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return th ? `ยาวได้ไม่เกิน ${max} ตัวอักษร` : `At most ${max} characters.`;
      if (issue.origin === 'array') return th ? `เลือกได้ไม่เกิน ${max} รายการ` : `At most ${max} items.`;
      return th ? `ต้องไม่เกิน ${max}` : `Must be at most ${max}.`;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? t('required', lang) : th ? `ต้องยาวอย่างน้อย ${min} ตัวอักษร` : `At least ${min} characters.`;
      if (issue.origin === 'array') return th ? `ต้องเลือกอย่างน้อย ${min} รายการ` : `Choose at least ${min}.`;
      return th ? `ต้องไม่น้อยกว่า ${min}` : `Must be at least ${min}.`;
    }
    case 'invalid_value':
      return th ? `ค่าไม่ถูกต้อง ต้องเป็นหนึ่งใน: ${issue.values.join(', ')}` : `Must be one of: ${issue.values.join(', ')}.`;
    case 'invalid_format':
      if (issue.format === 'email') return t('invalid_email', lang);
      if (issue.format === 'uuid') return th ? 'รหัสอ้างอิงไม่ถูกต้อง' : 'Not a valid id.';
      return th ? 'รูปแบบไม่ถูกต้อง' : 'Invalid format.';
    case 'unrecognized_keys':
      return t('unknown_field', lang);
    default:
      return th ? 'ค่าไม่ถูกต้อง' : 'Invalid value.';
  }
}
