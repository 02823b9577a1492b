import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { eq, sql } from 'drizzle-orm';
import { tenantRows } from '../query';
import {
  knowledgeItemNetworks,
  knowledgeItemParties,
  knowledgeItems,
  knowledgeVersions,
  knowledgeViews,
  networkMembers,
  networks,
  parties,
} from '../../db/schema';
import { audit } from '../../platform/audit';
import { SYSTEM_USER, type TenantContext, type TenantRef } from '../../platform/context';
import { withTenant, type Db } from '../../platform/db';
import { addAttachment } from '../../modules/knowledge/attachments';
import { createForumTx } from '../../modules/knowledge/forums.service';
import { changedFields, derived, type State } from '../../modules/knowledge/knowledge.service';
import { addTitleTerms } from '../../modules/knowledge/search-plan';
import { Rng } from '../data/rng';
import { AS_OF } from '../data/dates';
import type { DemoTenant } from '../data/types';
import { makeDocx, makePdf } from './documents';
import { DEMO_FORUMS } from './forums';
import { DEMO_KNOWLEDGE } from './items';
import { formatThaiDate } from '../../../common/thai/dates';

const at = (iso: string) => new Date(`${iso}T09:00:00+07:00`);

/** A solid-colour PNG with a soft gradient: a stand-in photo, made without any image library. */
export function placeholderPng(width: number, height: number, rgb: [number, number, number]): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0;
    for (let x = 0; x < width; x++) {
      const o = y * (width * 3 + 1) + 1 + x * 3;
      const shade = 0.75 + 0.25 * (y / height);
      raw[o] = Math.round(rgb[0] * shade);
      raw[o + 1] = Math.round(rgb[1] * shade);
      raw[o + 2] = Math.round(rgb[2] * shade + 20 * (x / width));
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.writeUInt8(8, 8); // bit depth
  ihdr.writeUInt8(2, 9); // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A stable pseudo user id for synthetic reads (no account behind it). */
const readerId = (partyId: string) => {
  const h = crypto.createHash('sha256').update(`demo-reader:${partyId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

/**
 * Load the knowledge demo (items with versions, forums, generated PDF/DOCX attachments and photos,
 * synthetic reads) into a tenant that has none yet. Items, forums and reads are written in one
 * transaction; files are added afterwards, one transaction each. One audit entry sums it up.
 */
export async function seedKnowledge(
  db: Db,
  tenant: TenantRef,
  data: DemoTenant,
  dataDir: string,
): Promise<{ items: number; forums: number; files: number } | null> {
  const ctx: TenantContext = { db, tenant, actor: { user: SYSTEM_USER, role: 'system' }, lang: 'th' };
  const existing = await withTenant(db, tenant.id, (tx) =>
    tx
      .select({ n: sql<number>`count(*)::int` })
      .from(knowledgeItems)
      .where(eq(knowledgeItems.tenantId, tenant.id)),
  );
  if (existing[0].n > 0) return null;

  const ids = await withTenant(db, tenant.id, async (tx) => {
    const [nets, people] = await Promise.all([
      tx.select({ id: networks.id, name: networks.name }).from(networks).where(eq(networks.tenantId, tenant.id)),
      tx.select({ id: parties.id, name: parties.name }).from(parties).where(eq(parties.tenantId, tenant.id)),
    ]);
    const netByName = new Map(nets.map((n) => [n.name, n.id]));
    const partyByName = new Map<string, string>();
    for (const p of people) if (!partyByName.has(p.name)) partyByName.set(p.name, p.id);
    const network = new Map(data.networks.map((n) => [n.key, netByName.get(n.name)]));
    const party = new Map(data.parties.map((p) => [p.key, partyByName.get(p.name)]));
    const net = (key: string) => network.get(key) ?? fail(`network ${key}`);
    const pty = (key: string) => party.get(key) ?? fail(`partner ${key}`);
    const item = new Map<string, string>();

    // items, links and versions in bulk (the seeder checked every key above; the service would take ~10× longer)
    const itemRows: (typeof knowledgeItems.$inferInsert)[] = [];
    const netRows: (typeof knowledgeItemNetworks.$inferInsert)[] = [];
    const partyRows: (typeof knowledgeItemParties.$inferInsert)[] = [];
    const versionRows: (typeof knowledgeVersions.$inferInsert)[] = [];
    for (const k of DEMO_KNOWLEDGE) {
      const id = crypto.randomUUID();
      item.set(k.key, id);
      const people = [
        ...k.authors.map((a) => ({ partyId: pty(a), role: 'author' })),
        ...(k.contributors ?? []).map((c) => ({ partyId: pty(c), role: 'contributor' })),
      ];
      const first: State = {
        type: k.type,
        title: k.title,
        summary: k.summary,
        body: k.body,
        tags: k.tags,
        visibility: k.visibility ?? 'tenant',
        publishedOn: k.publishedOn,
        networkIds: k.networks.map(net),
        parties: people,
      };
      const states = [{ state: first, on: k.publishedOn, note: 'ฉบับแรก', changed: changedFields(null, first) }];
      for (const e of k.edits ?? []) {
        const prev = states[states.length - 1].state;
        // an edit keeps the text and records the note; a real change where the data gives one
        const next: State = {
          ...prev,
          body: e.body ?? `${k.body}\n\n_ปรับปรุงเมื่อ ${formatThaiDate(e.on, { style: 'long' })}: ${e.note}_`,
          summary: e.summary ?? prev.summary,
          title: e.title ?? prev.title,
        };
        states.push({ state: next, on: e.on, note: e.note, changed: changedFields(prev, next) });
      }
      const last = states[states.length - 1];
      const who = { id: null, name: SYSTEM_USER.name };
      itemRows.push({
        tenantId: tenant.id,
        id,
        type: last.state.type,
        title: last.state.title,
        summary: last.state.summary,
        body: last.state.body,
        tags: last.state.tags,
        visibility: last.state.visibility,
        publishedOn: last.state.publishedOn,
        version: states.length,
        ...derived(last.state),
        createdByUserId: who.id,
        createdByName: who.name,
        updatedByUserId: who.id,
        updatedByName: who.name,
        createdAt: at(k.publishedOn),
        updatedAt: at(last.on),
      });
      first.networkIds.forEach((networkId, position) => netRows.push({ tenantId: tenant.id, itemId: id, networkId, position }));
      people.forEach((p, position) => partyRows.push({ tenantId: tenant.id, itemId: id, partyId: p.partyId, role: p.role, position }));
      states.forEach((v, i) =>
        versionRows.push({
          tenantId: tenant.id,
          itemId: id,
          version: i + 1,
          ...v.state,
          changed: v.changed,
          note: v.note,
          editedByUserId: who.id,
          editedByName: who.name,
          createdAt: at(v.on),
        }),
      );
    }
    for (let i = 0; i < itemRows.length; i += 25) await tx.insert(knowledgeItems).values(itemRows.slice(i, i + 25));
    await addTitleTerms(
      tx,
      tenant.id,
      itemRows.map((r) => ({ title: r.title, tags: r.tags ?? [] })),
    );
    await tx.insert(knowledgeItemNetworks).values(netRows);
    await tx.insert(knowledgeItemParties).values(partyRows);
    await tx.insert(knowledgeVersions).values(versionRows);
    for (const f of DEMO_FORUMS) {
      await createForumTx(
        tx,
        ctx,
        {
          title: f.title,
          description: f.description,
          heldOn: f.heldOn,
          endOn: f.endOn ?? null,
          place: f.place,
          hostNetworkId: net(f.host),
          topics: f.topics,
          otherHeadCount: f.otherHeadCount ?? 0,
          participants: [
            ...f.networks.map(([key, headCount], i) => ({
              networkId: net(key),
              partyId: null,
              role: key === f.host && i === 0 ? ('host' as const) : ('participant' as const),
              headCount,
              note: null,
            })),
            ...(f.parties ?? []).map(([key, role, headCount]) => ({ networkId: null, partyId: pty(key), role, headCount, note: null })),
          ],
          itemIds: f.items.map((key) => item.get(key) ?? fail(`item ${key}`)),
        },
        { createdAt: at(f.heldOn), quiet: true },
      );
    }
    await syntheticReads(tx, tenant.id, item);
    return { item };
  });

  const files = await seedFiles(ctx, dataDir, ids.item);
  const forumIds = await tenantRows<{ id: string; title: string }>(db, tenant.id, sql`select id, title from knowledge_forums where tenant_id = ${tenant.id}`);
  const byTitle = new Map(forumIds.map((r) => [r.title, r.id]));
  let photos = 0;
  const colours: [number, number, number][] = [
    [70, 130, 90],
    [60, 110, 160],
    [170, 120, 60],
    [140, 80, 120],
  ];
  for (const [n, f] of DEMO_FORUMS.entries()) {
    for (let i = 0; i < (f.photos ?? 0); i++) {
      const png = placeholderPng(480, 320, colours[(n + i) % colours.length]);
      await addAttachment(
        ctx,
        dataDir,
        { forumId: byTitle.get(f.title)! },
        { buffer: png, filename: `ภาพกิจกรรม-${i + 1}.png`, caption: `${f.place} (${i === 0 ? 'บรรยากาศในเวที' : 'ภาพหมู่ผู้เข้าร่วม'})` },
        { quiet: true, createdAt: at(f.heldOn) },
      );
      photos++;
    }
  }
  await withTenant(db, tenant.id, (tx) =>
    audit(tx, ctx, {
      entity: 'tenant',
      entityId: tenant.id,
      entityLabel: `${tenant.nameTh}: ข้อมูลตัวอย่างคลังความรู้ ${DEMO_KNOWLEDGE.length} ชุดความรู้ ${DEMO_FORUMS.length} เวที`,
      action: 'create',
      after: { knowledgeItems: DEMO_KNOWLEDGE.length, forums: DEMO_FORUMS.length, documents: files, photos },
    }),
  );
  return { items: DEMO_KNOWLEDGE.length, forums: DEMO_FORUMS.length, files: files + photos };
}

function fail(what: string): never {
  throw new Error(`Knowledge demo data refers to unknown ${what}`);
}

/** Reads by members of the tenant's networks (deterministic): some from the item's own networks, some from others. */
async function syntheticReads(tx: Parameters<Parameters<Db['transaction']>[0]>[0], tenantId: string, items: Map<string, string>) {
  const members = await tx
    .selectDistinct({ partyId: networkMembers.partyId, networkId: networkMembers.networkId })
    .from(networkMembers)
    .where(eq(networkMembers.tenantId, tenantId));
  const rng = Rng.stream('knowledge-reads');
  const readers = [...new Set(members.map((m) => m.partyId))].sort();
  const rows: (typeof knowledgeViews.$inferInsert)[] = [];
  const asOf = new Date(`${AS_OF}T00:00:00Z`).getTime();
  for (const k of DEMO_KNOWLEDGE) {
    const itemId = items.get(k.key)!;
    if (k.visibility === 'network') continue;
    const start = new Date(`${k.publishedOn}T00:00:00Z`).getTime();
    const n = rng.int(2, k.visibility === 'public' ? 30 : 14);
    for (const partyId of rng.sample(readers, n)) {
      const day = new Date(start + rng.next() * Math.max(0, asOf - start)).toISOString().slice(0, 10);
      rows.push({ tenantId, itemId, userId: readerId(partyId), viewerPartyId: partyId, viewedOn: day, count: rng.int(1, 3) });
    }
  }
  for (let i = 0; i < rows.length; i += 500)
    await tx
      .insert(knowledgeViews)
      .values(rows.slice(i, i + 500))
      .onConflictDoNothing();
}

/** The generated documents: real PDF (Thai, embedded font) and DOCX files attached to their items. */
async function seedFiles(ctx: TenantContext, dataDir: string, items: Map<string, string>): Promise<number> {
  const fileOf = (kind: 'pdf' | 'docx', d: { title: string; paragraphs: string[]; created?: Date }) => ({
    make: () => (kind === 'pdf' ? makePdf(d) : makeDocx(d)),
    text: [d.title, ...d.paragraphs].join('\n'),
  });
  const docs: { item: string; filename: string; caption: string; make: () => Promise<Buffer>; text: string; on: string }[] = [
    {
      item: 'k-weir-history',
      filename: 'สัญญาเหมืองฝายพญาคำและรอบเวรปันน้ำ.pdf',
      caption: 'สรุปสัญญาเหมืองฝายและรอบเวร ฉบับพิมพ์แจกลูกฝาย',
      on: '2021-06-01',
      ...fileOf('pdf', {
        title: 'สัญญาเหมืองฝายพญาคำ และรอบเวรปันน้ำ ต้นน้ำ–กลางน้ำ–ปลายน้ำ',
        paragraphs: [
          'ลูกฝายทุกตำบลตลอดแนวลำเหมืองพญาคำ ได้แก่ หนองผึ้ง ไชยสถาน ท่าวังตาล ยางเนิ้ง สารภี ชมภู ขัวมุง หนองแฝก และอุโมงค์ ตกลงร่วมกันตามสัญญาเหมืองฝายฉบับนี้',
          'ข้อ 1 ลูกฝายทุกครัวเรือนต้องลงแขกซ่อมฝายและขุดลอกลำเหมืองตามวันที่แก่ฝายประกาศ หรือจ่ายค่าแรงแทนเข้ากองทุนซ่อมบำรุงฝาย',
          'ข้อ 2 ในฤดูแล้ง ให้แบ่งรอบเวรปันน้ำเป็นสามช่วง ปลายน้ำได้รับน้ำก่อนในรอบแรก แล้วจึงเป็นกลางน้ำและต้นน้ำ รอบละสามถึงห้าวันตามระดับน้ำที่หัวฝาย',
          'ข้อ 3 ผู้ใดเปิดน้ำนอกรอบเวรของตน ครั้งแรกให้ตักเตือน ครั้งที่สองปรับห้าร้อยบาท ครั้งที่สามปรับหนึ่งพันบาทและงดรับน้ำหนึ่งรอบ',
          'ข้อ 4 ข้อพิพาทที่ตกลงกันไม่ได้ ให้แก่ฝายพญาคำเป็นผู้ไกล่เกลี่ย โดยมีกำนันและปลัดอำเภอเป็นพยาน',
          'Phaya Kham weir covenant: water is shared in rotation between the upstream, midstream and downstream tambons.',
        ],
        created: at('2021-06-01'),
      }),
    },
    {
      item: 'k-elderly-home-exercise',
      filename: 'คู่มือท่าบริหารผู้สูงอายุที่บ้าน.docx',
      caption: 'ไฟล์ Word สำหรับพิมพ์แจกผู้ดูแล',
      on: '2021-08-05',
      ...fileOf('docx', {
        title: 'คู่มือท่าบริหารร่างกายผู้สูงอายุที่บ้าน สำหรับผู้ดูแลในครอบครัว',
        paragraphs: [
          'ก่อนเริ่มฝึกทุกครั้ง ให้วัดชีพจรและถามอาการ ถ้าผู้สูงอายุเหนื่อยหอบ เจ็บหน้าอก หรือวิงเวียน ให้หยุดทันทีและโทรปรึกษาพยาบาลผู้จัดการการดูแล',
          'ท่าที่ 1 ยกแขนขึ้นเหนือศีรษะช้า ๆ สิบครั้ง ท่าที่ 2 กำมือและแบมือโดยใช้ลูกบอลยาง ท่าที่ 3 นั่งเหยียดเข่าตรงค้างไว้นับหนึ่งถึงห้า',
          'ท่าที่ 4 ยืนเกาะพนักเก้าอี้แล้วย่อเข่าเล็กน้อย ท่าที่ 5 ฝึกเดินต่อเท้าเป็นเส้นตรงโดยมีผู้ดูแลประคองข้างตัว',
          'ฝึกวันละสองรอบ เช้าและเย็น รอบละ 15–20 นาที จดบันทึกจำนวนครั้งในสมุดประจำตัวผู้สูงอายุ เพื่อให้นักกายภาพบำบัดติดตามความก้าวหน้าในการฟื้นฟูสมรรถภาพ',
        ],
      }),
    },
    {
      item: 'k-forum-lessons-2567',
      filename: 'สรุปเวทีภาคีเครือข่าย ปีงบประมาณ 2567.pdf',
      caption: 'รายงานสรุปเวที พร้อมรายชื่อเครือข่ายที่เข้าร่วม',
      on: '2024-10-08',
      ...fileOf('pdf', {
        title: 'สรุปเวทีแลกเปลี่ยนเรียนรู้ภาคีเครือข่าย ปีงบประมาณ 2567',
        paragraphs: [
          'ปีงบประมาณ 2567 เทศบาลตำบลชมภูจัดเวทีแลกเปลี่ยนเรียนรู้ระหว่างเครือข่ายห้าครั้ง มีผู้เข้าร่วมรวมกว่าสี่ร้อยคนจากภาคท้องถิ่น ภาคท้องที่ และภาคประชาชน',
          'ข้อค้นพบสำคัญ: ข้อมูลต้องส่งต่อข้ามเครือข่าย แกนนำหลายคนทำงานซ้อนกันหลายเครือข่ายจนเหนื่อยล้า และการวัดผลต้องแปลเป็นเรื่องที่ชาวบ้านเข้าใจ',
          'ข้อตกลงร่วม: ทุกเครือข่ายบันทึกบทเรียนลงคลังความรู้ภายในหนึ่งเดือนหลังจบกิจกรรม จัดเวทีข้ามเครือข่ายอย่างน้อยปีละสองครั้ง และให้เยาวชนเป็นผู้บันทึกเวที',
        ],
        created: at('2024-10-08'),
      }),
    },
    {
      item: 'k-water-roster-internal',
      filename: 'ตารางรอบเวรฤดูแล้ง 2568.docx',
      caption: 'ใช้ภายในเครือข่ายผู้ใช้น้ำ',
      on: '2024-12-20',
      ...fileOf('docx', {
        title: 'ตารางรอบเวรปันน้ำ ฤดูแล้ง 2568',
        paragraphs: [
          'รอบที่ 1 วันที่ 1–4 มกราคม ปลายน้ำ: ขัวมุง หนองแฝก อุโมงค์',
          'รอบที่ 2 วันที่ 5–8 มกราคม กลางน้ำ: ยางเนิ้ง สารภี ชมภู',
          'รอบที่ 3 วันที่ 9–12 มกราคม ต้นน้ำ: หนองผึ้ง ไชยสถาน ท่าวังตาล',
        ],
      }),
    },
  ];
  for (const d of docs) {
    // the seeder made each file from known text: that text is indexed as is (uploads are extracted; see files.ts)
    const buffer = await d.make();
    await addAttachment(
      ctx,
      dataDir,
      { itemId: items.get(d.item)! },
      { buffer, filename: d.filename, caption: d.caption },
      { quiet: true, createdAt: at(d.on), text: d.text },
    );
  }
  return docs.length;
}
