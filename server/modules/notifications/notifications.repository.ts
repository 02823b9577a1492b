import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db';
import { rows, totalOver } from '../../platform/sql';

export interface NotificationRow {
  id: string;
  kind: string;
  titleTh: string;
  titleEn: string;
  bodyTh: string;
  bodyEn: string;
  link: string;
  createdAt: string;
  readAt: string | null;
  email: 'pending' | 'sent' | 'failed' | null;
  total: number;
}

/** One person's notifications, newest first, with the state of their e-mail copy. */
export function listFor(tx: Tx, tenantId: string, userId: string, opts: { unreadOnly: boolean; limit: number; offset: number }) {
  return rows<NotificationRow>(
    tx,
    sql`select n.id, n.kind, n.title_th as "titleTh", n.title_en as "titleEn", n.body_th as "bodyTh", n.body_en as "bodyEn", n.link,
               n.created_at as "createdAt", n.read_at as "readAt",
               (select o.status from notification_outbox o where o.tenant_id = n.tenant_id and o.notification_id = n.id
                 order by o.created_at desc limit 1) as email,
               ${totalOver} as total
        from notifications n
        where n.tenant_id = ${tenantId} and n.user_id = ${userId} ${opts.unreadOnly ? sql`and n.read_at is null` : sql``}
        order by n.created_at desc, n.id
        limit ${opts.limit} offset ${opts.offset}`,
  );
}

export async function unreadOf(tx: Tx, tenantId: string, userId: string): Promise<number> {
  const [r] = await rows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from notifications where tenant_id = ${tenantId} and user_id = ${userId} and read_at is null`,
  );
  return r.n;
}
