/**
 * Why a backup or restore stopped. These reach an operator at a terminal or in the job log, never an
 * HTTP client, so they carry a plain-language message and a stable code rather than a status.
 */
export type BackupErrorCode =
  | 'BACKUP_FAILED'
  | 'TOOL_MISSING'
  | 'TOOL_TOO_OLD'
  | 'DATA_DIR_IN_USE'
  | 'DATA_DIR_MISSING'
  | 'IN_MEMORY_DATABASE'
  | 'FILE_MISSING'
  | 'MANIFEST_MISSING'
  | 'MANIFEST_INVALID'
  | 'TRUNCATED'
  | 'CHECKSUM_MISMATCH'
  | 'NOT_ENCRYPTED_FORMAT'
  | 'KEY_MISSING'
  | 'WRONG_KEY'
  | 'DECRYPTION_FAILED'
  | 'ARCHIVE_INVALID'
  | 'DATABASE_KIND_MISMATCH'
  | 'BACKUP_NEWER_THAN_APP'
  | 'TARGET_NOT_EMPTY'
  | 'NOT_MIGRATED'
  | 'RESTORE_FAILED';

export class BackupError extends Error {
  readonly code: BackupErrorCode;

  constructor(code: BackupErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'BackupError';
    this.code = code;
  }
}
