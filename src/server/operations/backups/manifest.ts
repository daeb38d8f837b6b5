/**
 * The manifest written next to every backup (`<file>.manifest.json`). It is written last, so a
 * backup without one is incomplete; a restore checks the file against it before touching anything.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { BackupError } from './errors.ts';

export const MANIFEST_SUFFIX = '.manifest.json';

export const backupManifestSchema = z.object({
  /** 2 adds `databaseId`; format 1 manifests (written before identities) still read, with it null. */
  format: z.union([z.literal(1), z.literal(2)]),
  /** The backup's file name (no folder), so a copied pair can be checked anywhere. */
  file: z.string().min(1),
  createdAt: z.iso.datetime(),
  database: z.enum(['pglite', 'postgres']),
  /**
   * The identity of the database the backup was taken from (its `database_identity` row). Rotation
   * deletes only backups of its own database; null in format 1 manifests.
   */
  databaseId: z.uuid().nullable().default(null),
  /** The database server's version string, e.g. "PostgreSQL 15.20" or "PGlite 0.5.16 (PostgreSQL 18.6)". */
  engine: z.string().min(1),
  /** pglite: a gzip tar of the data folder; postgres: a pg_dump custom-format archive. */
  contents: z.enum(['pglite-datadir-tar-gz', 'pg-dump-custom']),
  sizeBytes: z.number().int().nonnegative(),
  /** SHA-256 (hex) of the file's bytes exactly as stored (after encryption). */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  appVersion: z.string().min(1),
  migrations: z.object({ applied: z.number().int().nonnegative(), latest: z.string().nullable() }),
  encrypted: z.boolean(),
  encryption: z
    .object({ algorithm: z.literal('aes-256-gcm'), keyId: z.string().regex(/^[0-9a-f]{16}$/) })
    .nullable(),
  durationMs: z.number().int().nonnegative(),
});
export type BackupManifest = z.infer<typeof backupManifestSchema>;

export const manifestPathOf = (backupPath: string) => `${backupPath}${MANIFEST_SUFFIX}`;

export async function writeManifest(backupPath: string, manifest: BackupManifest): Promise<void> {
  const target = manifestPathOf(backupPath);
  // Written whole then renamed, so a reader never sees half a manifest.
  await writeFile(`${target}.partial`, `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  await rename(`${target}.partial`, target);
}

export async function readManifest(backupPath: string): Promise<BackupManifest> {
  const manifestPath = manifestPathOf(backupPath);
  let text: string;
  try {
    text = await readFile(manifestPath, 'utf8');
  } catch {
    throw new BackupError(
      'MANIFEST_MISSING',
      `No manifest at ${manifestPath}. Keep each backup's .manifest.json next to it; without it the file cannot be verified.`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BackupError('MANIFEST_INVALID', `${manifestPath} is not valid JSON.`);
  }
  const parsed = backupManifestSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('; ');
    throw new BackupError('MANIFEST_INVALID', `${manifestPath} is not a backup manifest (${problems}).`);
  }
  return parsed.data;
}

export async function sha256OfFile(filePath: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(filePath), hash);
  return hash.digest('hex');
}
