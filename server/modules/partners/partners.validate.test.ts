import { describe, expect, it } from 'vitest';
import { citizenIdHasher } from './partners.validate';

describe('citizen-ID hashing', () => {
  it('refuses to hash with an empty key instead of hashing every installation alike', () => {
    expect(() => citizenIdHasher('', 'tenant-a')).toThrow(/citizen-ID key is not set/);
  });

  it('keys the hash by secret and tenant, so the same ID cannot be matched across either', () => {
    const id = '1509900012345';
    const a = citizenIdHasher('secret-1', 'tenant-a')(id);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(citizenIdHasher('secret-1', 'tenant-a')(id)).toBe(a);
    expect(citizenIdHasher('secret-2', 'tenant-a')(id)).not.toBe(a);
    expect(citizenIdHasher('secret-1', 'tenant-b')(id)).not.toBe(a);
  });
});
