import type { z } from 'zod';
import type { KnowledgeType } from '../../../common/schemas/knowledge';
import type { PublicKnowledgeDetail, PublicKnowledgeList, publicKnowledgeQuery } from '../../../common/schemas/public-knowledge';
import type { TenantRef } from '../../platform/context';
import { withTenant, type Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { networkNamesOf } from './knowledge.repository';
import * as pub from './public.repository';

/** The public knowledge pages: only items marked public; everything else is "not found" to a visitor, so nobody learns it exists. */

export async function publicKnowledgeList(
  db: Db,
  tenant: TenantRef & { nameTh: string; nameEn: string },
  q: z.output<typeof publicKnowledgeQuery>,
): Promise<PublicKnowledgeList> {
  return withTenant(db, tenant.id, async (tx) => {
    const rows = await pub.publicItemsPage(tx, tenant.id, q.q, q.pageSize, (q.page - 1) * q.pageSize);
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
    const row = await pub.publicItem(tx, tenant.id, id);
    if (!row) throw new AppError('not_found');
    const files = await pub.publicItemFiles(tx, tenant.id, id);
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
  if (!(await withTenant(db, tenantId, (tx) => pub.isPublicItem(tx, tenantId, id)))) throw new AppError('not_found');
}
