import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Tx } from '../../platform/db';
import { sha256 } from '../../platform/files/blobs';
import { canonicalJson } from './chain';
import * as ledger from './ledger.repository';

/**
 * Signed checkpoints anchor the hash chain outside the database (issue 15 item 5): whoever rewrites a
 * row and recomputes every later hash and the head cannot sign the new head. Each post signs
 * `{v, tenantId, seq, headHash, signedAt}` (canonical JSON) with Ed25519. The private key comes from
 * PHAKHI_LEDGER_SIGNING_KEY (PKCS#8 PEM) or `<dataDir>/ledger/signing-key.pem` (created 0600 on first
 * start) — never from the database. The public key is published on the public budget page and in
 * exports; a checkpoint someone kept can be checked against the ledger at any time.
 */
export interface Signer {
  privateKey: crypto.KeyObject;
  publicKey: crypto.KeyObject;
  publicKeyPem: string;
  keyId: string;
}

let signer: Signer | null = null;

export function loadSigner(dataDir: string, env: NodeJS.ProcessEnv = process.env): Signer {
  let pem = env.PHAKHI_LEDGER_SIGNING_KEY?.trim();
  if (!pem) {
    const file = path.join(dataDir, 'ledger', 'signing-key.pem');
    if (!fs.existsSync(file)) {
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      const { privateKey } = crypto.generateKeyPairSync('ed25519');
      fs.writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    }
    pem = fs.readFileSync(file, 'utf8');
  }
  const privateKey = crypto.createPrivateKey(pem);
  const publicKey = crypto.createPublicKey(privateKey);
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return {
    privateKey,
    publicKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    keyId: sha256(der).slice(0, 16),
  };
}

/** Set by the app at start-up; without it (seeding, the CLI) posts are not signed. */
export function useSigner(s: Signer | null) {
  signer = s;
}
export const currentSigner = () => signer;

export interface CheckpointContent {
  tenantId: string;
  seq: number;
  headHash: string;
  signedAt: string;
}

export const checkpointMessage = (c: CheckpointContent) =>
  canonicalJson({ v: 1, tenantId: c.tenantId, seq: c.seq, headHash: c.headHash, signedAt: c.signedAt });

export function verifySignature(publicKey: crypto.KeyObject, c: CheckpointContent, signature: string): boolean {
  try {
    return crypto.verify(null, Buffer.from(checkpointMessage(c)), publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/** Sign the new head inside the posting transaction. */
export async function signHead(tx: Tx, tenantId: string, seq: number, headHash: string, at: Date) {
  if (!signer) return;
  const c = { tenantId, seq, headHash, signedAt: at.toISOString() };
  const signature = crypto.sign(null, Buffer.from(checkpointMessage(c)), signer.privateKey).toString('base64');
  await ledger.insertCheckpoint(tx, { tenantId, seq, headHash, signedAt: at, keyId: signer.keyId, signature });
}

export async function latestCheckpoint(tx: Tx, tenantId: string) {
  const row = await ledger.latestCheckpoint(tx, tenantId);
  return row ? presentCheckpoint(row) : null;
}

export const presentCheckpoint = (r: ledger.CheckpointRow) => ({
  seq: r.seq,
  headHash: r.headHash,
  signedAt: new Date(r.signedAt).toISOString(),
  keyId: r.keyId,
  signature: r.signature,
});
