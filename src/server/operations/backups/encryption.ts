/**
 * AES-256-GCM for backup files, streamed so a large dump never sits in memory.
 *
 * File layout:  magic (8) | key id (8) | IV (12) | ciphertext … | auth tag (16)
 *
 * The header is authenticated as additional data, so changing any byte of the file fails decryption.
 * The key id (an HMAC of the key, not the key) lets a restore say "wrong key" before trying, instead
 * of the generic "authentication failed" GCM gives. A fresh random IV per file means one key can
 * encrypt any number of backups safely.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BackupError } from './errors.ts';

const MAGIC = Buffer.from('IBCBAK\u0000\u0001', 'latin1');
const KEY_ID_LENGTH = 8;
const IV_LENGTH = 12;
const TAG_LENGTH = 16;
export const ENCRYPTION_HEADER_LENGTH = MAGIC.length + KEY_ID_LENGTH + IV_LENGTH;
export const ENCRYPTION_OVERHEAD = ENCRYPTION_HEADER_LENGTH + TAG_LENGTH;

/** A stable, non-secret name for a key: the first 8 bytes of HMAC-SHA256(key, label), in hex. */
export function keyIdOf(key: Buffer): string {
  return createHmac('sha256', key)
    .update('idea-brand-coach backup key id')
    .digest()
    .subarray(0, KEY_ID_LENGTH)
    .toString('hex');
}

/** A transform that writes the header, the ciphertext of everything piped in, then the tag. */
export function createEncryptStream(key: Buffer): Transform {
  const iv = randomBytes(IV_LENGTH);
  const header = Buffer.concat([MAGIC, Buffer.from(keyIdOf(key), 'hex'), iv]);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(header);
  let headerSent = false;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (!headerSent) {
        headerSent = true;
        this.push(header);
      }
      callback(null, cipher.update(chunk));
    },
    flush(callback) {
      if (!headerSent) this.push(header);
      this.push(cipher.final());
      callback(null, cipher.getAuthTag());
    },
  });
}

/**
 * Decrypts `source` into `destination`. The plaintext is written before GCM can vouch for it, so
 * callers must treat `destination` as untrusted until this resolves (and delete it if it throws).
 */
export async function decryptFile(source: string, destination: string, key: Buffer): Promise<void> {
  const { size } = await stat(source);
  if (size < ENCRYPTION_OVERHEAD) {
    throw new BackupError(
      'TRUNCATED',
      'The encrypted backup is shorter than its header: the file is truncated.',
    );
  }
  const handle = await open(source, 'r');
  const header = Buffer.alloc(ENCRYPTION_HEADER_LENGTH);
  const tag = Buffer.alloc(TAG_LENGTH);
  try {
    await handle.read(header, 0, header.length, 0);
    await handle.read(tag, 0, TAG_LENGTH, size - TAG_LENGTH);
  } finally {
    await handle.close();
  }
  if (!header.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new BackupError('NOT_ENCRYPTED_FORMAT', 'The file is not an encrypted backup of this application.');
  }
  const fileKeyId = header.subarray(MAGIC.length, MAGIC.length + KEY_ID_LENGTH).toString('hex');
  if (fileKeyId !== keyIdOf(key)) {
    throw new BackupError(
      'WRONG_KEY',
      `Wrong key: the backup was encrypted with key ${fileKeyId}, but BACKUP_ENCRYPTION_KEY is key ${keyIdOf(key)}.`,
    );
  }
  const decipher = createDecipheriv('aes-256-gcm', key, header.subarray(MAGIC.length + KEY_ID_LENGTH));
  decipher.setAAD(header);
  decipher.setAuthTag(tag);
  try {
    const ciphertext =
      size === ENCRYPTION_OVERHEAD
        ? Readable.from([])
        : createReadStream(source, { start: ENCRYPTION_HEADER_LENGTH, end: size - TAG_LENGTH - 1 });
    await pipeline(ciphertext, decipher, createWriteStream(destination, { mode: 0o600 }));
  } catch (error) {
    throw new BackupError(
      'DECRYPTION_FAILED',
      'Decryption failed: the backup is damaged or was altered (its authentication tag does not match).',
      { cause: error },
    );
  }
}
