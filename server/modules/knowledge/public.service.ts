import { and, asc, desc, eq, ilike, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { KnowledgeType } from '../../../common/schemas/knowledge';
import type { PublicKnowledgeDetail, PublicKnowledgeList, publicKnowledgeQuery } from '../../../common/schemas/public-knowledge';
import { knowledgeAttachments, knowledgeItems } from '../../db/schema';
import { networkNamesOf } from './knowledge.repository';
import type { TenantRef } from '../../platform/context';
import { withTenant, type Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { likePattern } from '../../platform/sql';

/** Only items marked public; everything else is "not found" to a visitor, so nobody learns it exists. */
const isPublic = eq(knowledgeItems.visibility, 'public');

export async function publicKnowledgeList(
  db: Db,
  tenant: TenantRef & { nameTh: string; nameEn: string },
  q: z.output<typeof publicKnowledgeQuery>,
): Promise<PublicKnowledgeList> {
  return withTenant(db, tenant.id, async (tx) => {
    const k = knowledgeItems;
    const text = q.q ? or(ilike(k.title, likePattern(q.q)), ilike(k.summary, likePattern(q.q))) : undefined;
    const rows = await tx
      .select({
        id: k.id,
        type: k.type,
        title: k.title,
        summary: k.summary,
        tags: k.tags,
        publishedOn: k.publishedOn,
        total: sql<number>`(count(*) over ())::int`,
      })
      .from(k)
      .where(and(eq(k.tenantId, tenant.id), isPublic, text))
      .orderBy(desc(k.publishedOn), asc(k.title), asc(k.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize);
    const nets = await networkNamesOf(
      tx,
      tenant.id,
      rows.map((r) => r.id),
    );
    return {
      tenant: { nameTh: tenant.nameTh, nameEn: tenant.nameEn },
      items: rows.map(({ total: _total, ...r }) => ({ ...r, type: r.type as KnowledgeType, networks: nets.get(r.id) ?? [] })),
      total: rows[0]?.total ?? 0,
      page: q.page,
      pageSize: q.pageSize,
    };
  });
}

export async function publicKnowledgeItem(
  db: Db,
  tenant: TenantRef & { slug: string; nameTh: string; nameEn: string },
  id: string,
): Promise<PublicKnowledgeDetail> {
  return withTenant(db, tenant.id, async (tx) => {
    const k = knowledgeItems;
    const [row] = await tx
      .select({ id: k.id, type: k.type, title: k.title, summary: k.summary, tags: k.tags, publishedOn: k.publishedOn, bodyHtml: k.bodyHtml })
      .from(k)
      .where(and(eq(k.tenantId, tenant.id), eq(k.id, id), isPublic));
    if (!row) throw new AppError('not_found');
    const a = knowledgeAttachments;
    const files = await tx
      .select({ id: a.id, filename: a.filename, kind: a.kind, sizeBytes: a.sizeBytes, caption: a.caption })
      .from(a)
      .where(and(eq(a.tenantId, tenant.id), eq(a.itemId, id)))
      .orderBy(asc(a.createdAt), asc(a.id));
    const nets = await networkNamesOf(tx, tenant.id, [id]);
    return {
      ...row,
      type: row.type as KnowledgeType,
      networks: nets.get(id) ?? [],
      tenant: { nameTh: tenant.nameTh, nameEn: tenant.nameEn },
      attachments: files.map((f) => ({
        ...f,
        kind: f.kind as PublicKnowledgeDetail['attachments'][number]['kind'],
        url: `/api/v1/public/${encodeURIComponent(tenant.slug)}/knowledge/${id}/attachments/${f.id}`,
      })),
    };
  });
}

/** Throws not_found unless the item is public (checked before a file of it is served). */
export async function assertPublicItem(db: Db, tenantId: string, id: string): Promise<void> {
  const found = await withTenant(db, tenantId, (tx) =>
    tx
      .select({ id: knowledgeItems.id })
      .from(knowledgeItems)
      .where(and(eq(knowledgeItems.tenantId, tenantId), eq(knowledgeItems.id, id), isPublic)),
  );
  if (!found.length) throw new AppError('not_found');
}
