// A server that cannot be reached is an error that says so, never a quiet fallback.
import { describe, expect, it } from 'vitest';
import { DatabaseUnreachableError, openDb } from '../../src/store/db.ts';

describe('PostgreSQL server unreachable', () => {
  it('fails with a message naming the address, with the password hidden', async () => {
    const err = await openDb({ databaseUrl: 'postgres://ecociv:secret@127.0.0.1:1/test' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatabaseUnreachableError);
    expect((err as Error).message).toContain('无法连接数据库 postgres://ecociv:***@127.0.0.1:1/test');
    expect((err as Error).message).not.toContain('secret');
  });
});
