import { tenantRefs } from '../tenants/tenants.repository';
import type { Db } from '../../platform/db';
import { verifyChain } from './verify-chain';

/** `npm run cli -- ledger-verify <tenant>`: prints the verification as JSON; exit 0 valid, 2 broken, 1 unknown tenant. */
export async function ledgerVerifyCommand(db: Db, slug: string | undefined, print: (s: string) => void = console.log): Promise<number> {
  if (!slug) {
    print('Usage: npm run cli -- ledger-verify <tenant slug>');
    return 1;
  }
  const [tenant] = await tenantRefs(db, { slug });
  if (!tenant) {
    print(`Unknown tenant "${slug}".`);
    return 1;
  }
  const result = await verifyChain(db, tenant.id);
  print(JSON.stringify(result, null, 2));
  return result.valid ? 0 : 2;
}
