import { parseArgs } from 'node:util';
import { tenantCreate } from '../../../common/schemas/accounts';
import { findPlatformAdmin } from '../users/users.repository';
import type { Config } from '../../platform/config';
import { SYSTEM_USER } from '../../platform/context';
import type { Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { MESSAGES } from '../../platform/messages';
import { createTenant } from './tenants.service';

/** `npm run cli -- create-tenant --slug … --admin-email …`: the same rules as the platform admin's page. */
export async function createTenantCommand(db: Db, config: Config, argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      slug: { type: 'string' },
      'name-th': { type: 'string' },
      'name-en': { type: 'string' },
      type: { type: 'string' },
      province: { type: 'string' },
      district: { type: 'string' },
      subdistrict: { type: 'string' },
      'admin-email': { type: 'string' },
      'admin-name': { type: 'string' },
    },
  });
  const parsed = tenantCreate.safeParse({
    slug: values.slug,
    nameTh: values['name-th'],
    nameEn: values['name-en'],
    type: values.type,
    province: values.province,
    district: values.district,
    subdistrict: values.subdistrict,
    firstAdmin: { email: values['admin-email'], name: values['admin-name'] },
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`  ${issue.path.join('.') || '(input)'}: ${issue.message}`);
    console.error('Nothing was created. See `npm run cli` for the options.');
    return 1;
  }
  // the platform admin is the actor in the audit log when there is one; otherwise the system
  const admin = await findPlatformAdmin(db);
  const actor = admin ? { id: admin.id, email: admin.email, name: admin.name, isPlatformAdmin: true } : SYSTEM_USER;
  try {
    const { tenant, invitation } = await createTenant(db, actor, parsed.data, 'th');
    const base = config.publicUrl.replace(/\/$/, '');
    console.log(`Created ${tenant.nameTh} (${tenant.slug}).`);
    console.log(`Send this one-time link to its first admin, ${parsed.data.firstAdmin.email} (valid until ${invitation.expiresAt}):`);
    console.log(`  ${base}${invitation.path}`);
    return 0;
  } catch (err) {
    if (err instanceof AppError && err.fields) {
      for (const [field, key] of Object.entries(err.fields)) console.error(`  ${field}: ${MESSAGES[key]?.en ?? key} (${MESSAGES[key]?.th ?? ''})`);
      console.error('Nothing was created.');
      return 1;
    }
    throw err;
  }
}
