import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { createEncryptStream, decryptFile, ENCRYPTION_OVERHEAD, keyIdOf } from './encryption.ts';

const work = mkdtempSync(path.join(tmpdir(), 'ibc-encryption-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function encrypt(plain: Buffer, key: Buffer, chunkSize = 1000): Promise<Buffer> {
  const chunks = Array.from({ length: Math.ceil(plain.length / chunkSize) }, (_, index) =>
    plain.subarray(index * chunkSize, (index + 1) * chunkSize),
  );
  return buffer(Readable.from(chunks).pipe(createEncryptStream(key)));
}

describe('backup encryption', () => {
  const key = randomBytes(32);
  const plain = randomBytes(50_000);

  it('round-trips a streamed file, with a fresh IV each time', async () => {
    const first = await encrypt(plain, key);
    const second = await encrypt(plain, key);
    expect(first.length).toBe(plain.length + ENCRYPTION_OVERHEAD);
    expect(first.equals(second)).toBe(false);
    writeFileSync(path.join(work, 'ok.enc'), first);
    await decryptFile(path.join(work, 'ok.enc'), path.join(work, 'ok.out'), key);
    expect(readFileSync(path.join(work, 'ok.out')).equals(plain)).toBe(true);
  });

  it('encrypts an empty input to a valid file', async () => {
    writeFileSync(path.join(work, 'empty.enc'), await encrypt(Buffer.alloc(0), key));
    await decryptFile(path.join(work, 'empty.enc'), path.join(work, 'empty.out'), key);
    expect(readFileSync(path.join(work, 'empty.out')).length).toBe(0);
  });

  it('names a wrong key as such, before decrypting anything', async () => {
    writeFileSync(path.join(work, 'key.enc'), await encrypt(plain, key));
    const other = randomBytes(32);
    await expect(
      decryptFile(path.join(work, 'key.enc'), path.join(work, 'key.out'), other),
    ).rejects.toMatchObject({
      code: 'WRONG_KEY',
      message: expect.stringContaining(keyIdOf(other)),
    });
  });

  it('rejects a flipped byte, a truncated file and a foreign file', async () => {
    const sealed = await encrypt(plain, key);
    const flipped = Buffer.from(sealed);
    flipped[flipped.length / 2] = (flipped[flipped.length / 2] ?? 0) ^ 1;
    writeFileSync(path.join(work, 'flip.enc'), flipped);
    await expect(
      decryptFile(path.join(work, 'flip.enc'), path.join(work, 'flip.out'), key),
    ).rejects.toMatchObject({
      code: 'DECRYPTION_FAILED',
    });
    writeFileSync(path.join(work, 'cut.enc'), sealed.subarray(0, sealed.length - 100));
    await expect(
      decryptFile(path.join(work, 'cut.enc'), path.join(work, 'cut.out'), key),
    ).rejects.toMatchObject({
      code: 'DECRYPTION_FAILED',
    });
    writeFileSync(path.join(work, 'tiny.enc'), sealed.subarray(0, 10));
    await expect(
      decryptFile(path.join(work, 'tiny.enc'), path.join(work, 'tiny.out'), key),
    ).rejects.toMatchObject({
      code: 'TRUNCATED',
    });
    writeFileSync(path.join(work, 'plain.enc'), plain);
    await expect(
      decryptFile(path.join(work, 'plain.enc'), path.join(work, 'plain.out'), key),
    ).rejects.toMatchObject({
      code: 'NOT_ENCRYPTED_FORMAT',
    });
  });
});

describe('BACKUP_ENCRYPTION_KEY', () => {
  const key = randomBytes(32);

  it('accepts 32 bytes as hex or base64 and gives the same key', () => {
    const fromHex = loadConfig({ BACKUP_ENCRYPTION_KEY: key.toString('hex') }).backup.encryptionKey;
    const fromBase64 = loadConfig({ BACKUP_ENCRYPTION_KEY: key.toString('base64') }).backup.encryptionKey;
    expect(fromHex?.equals(key)).toBe(true);
    expect(fromBase64?.equals(key)).toBe(true);
    expect(loadConfig({}).backup.encryptionKey).toBeNull();
  });

  it.each([
    ['too short', randomBytes(16).toString('hex')],
    ['not a key', 'correct horse battery staple'],
    ['base64 of 31 bytes', randomBytes(31).toString('base64')],
  ])('refuses a key that is %s, without echoing it', (_label, value) => {
    expect(() => loadConfig({ BACKUP_ENCRYPTION_KEY: value })).toThrow(
      /BACKUP_ENCRYPTION_KEY: must be 32 random bytes/,
    );
    try {
      loadConfig({ BACKUP_ENCRYPTION_KEY: value });
    } catch (error) {
      expect(String(error)).not.toContain(value);
    }
  });

  it('refuses a backup folder inside the PGlite data folder', () => {
    expect(() => loadConfig({ DATA_DIR: '/srv/ibc/data', BACKUP_DIR: '/srv/ibc/data/backups' })).toThrow(
      /BACKUP_DIR must not be inside DATA_DIR/,
    );
    expect(loadConfig({ DATA_DIR: '/srv/ibc/data', BACKUP_DIR: '/srv/ibc/backups' }).backup.dir).toBe(
      '/srv/ibc/backups',
    );
  });
});
