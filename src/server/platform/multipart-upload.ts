/**
 * The HTTP side of every file upload (ADR 0034): `@fastify/multipart`, registered only in the
 * context of a feature's upload routes, streams the body; a declared `Content-Length` over the limit
 * is refused before a byte of the body is read, and a body without one is cut off (413, connection
 * closed) the moment its file passes the limit. Whatever is wrong with the multipart body itself
 * becomes a 4xx in the standard envelope. Documents, review CSVs and search-term reports each
 * describe their upload (`MultipartUploadRules`) and share the rest.
 */
import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

/** Room for the multipart framing around the file (boundaries, part headers, a long file name). */
export const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

export interface UploadedFile {
  /** As the browser sent it; each feature cleans it for its own use. */
  fileName: string;
  bytes: Uint8Array;
}

export interface MultipartUploadRules {
  /** The form field the file must come in. */
  field: string;
  maxBytes: number;
  /** What to upload, for messages: "file", "CSV file". */
  what: string;
  /** What to do about a file over the limit, after "The file is larger than N MB." */
  tooLargeAdvice: string;
  /** Names the refusal in the log ("review CSV upload refused"). */
  logLabel: string;
}

function badUpload(message: string): AppError {
  return new AppError(400, 'BAD_REQUEST', message);
}

export interface MultipartUpload {
  /** Makes `app` (the upload routes' own context) accept multipart bodies only, refusing an oversized one by its length. */
  accept(app: FastifyInstance): Promise<void>;
  /** Reads the one file of an upload into memory, or throws the 4xx that explains why not. */
  read(request: FastifyRequest): Promise<UploadedFile>;
  /** The answer to a file over the limit; the connection is closed so the rest is not sent for nothing. */
  fileTooLarge(): AppError;
}

export function multipartUpload(rules: MultipartUploadRules): MultipartUpload {
  const sendAsMultipart = `Send the ${rules.what} as multipart/form-data, in a form field named "${rules.field}".`;
  const fileTooLarge = () =>
    new AppError(
      413,
      'PAYLOAD_TOO_LARGE',
      `The file is larger than ${rules.maxBytes / (1024 * 1024)} MB. ${rules.tooLargeAdvice}`,
      { headers: { connection: 'close' } },
    );

  /** The multipart plugin's errors that are the client's doing, by code. */
  function uploadError(error: unknown): AppError {
    if (error instanceof AppError) return error;
    const code = (error as { code?: unknown } | null)?.code;
    switch (code) {
      case 'FST_REQ_FILE_TOO_LARGE':
        return fileTooLarge();
      case 'FST_FILES_LIMIT':
        return badUpload('Upload one file at a time.');
      case 'FST_PARTS_LIMIT':
      case 'FST_FIELDS_LIMIT':
        return badUpload(`The upload has too many form fields. ${sendAsMultipart}`);
      case 'FST_PROTO_VIOLATION':
        return badUpload('A form field name is not allowed.');
      case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
        return new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', sendAsMultipart);
    }
    // Everything else thrown while parsing (a missing boundary, a malformed part header, a body that
    // ends early) comes from the bytes the client sent.
    return badUpload(`The upload could not be read as multipart/form-data. ${sendAsMultipart}`);
  }

  /**
   * Reads a file part into memory, failing the moment it passes the limit. (The plugin's `toBuffer`
   * reports the limit only once the part has ended, that is after the rest of an oversized body has
   * been read; stopping here lets the 413 go out, and the connection close, at the limit.) The stream
   * is read by iteration, which also settles when it ended or failed before this was called.
   */
  async function readWithin(stream: MultipartFile['file']): Promise<Uint8Array> {
    if (stream.truncated) throw fileTooLarge();
    const onLimit = () => stream.destroy(fileTooLarge());
    stream.once('limit', onLimit);
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of stream) chunks.push(chunk as Buffer);
    } finally {
      stream.off('limit', onLimit);
    }
    if (stream.truncated) throw fileTooLarge();
    const bytes = Buffer.concat(chunks);
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  return {
    fileTooLarge,
    async accept(app) {
      app.removeAllContentTypeParsers();
      app.addContentTypeParser('*', (_request, _payload, done) => {
        done(new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', sendAsMultipart), undefined);
      });
      await app.register(multipart, {
        limits: {
          fileSize: rules.maxBytes,
          files: 1,
          fields: 10,
          fieldSize: 1024,
          fieldNameSize: 100,
          parts: 20,
          headerPairs: 20,
        },
      });
      // After the session guard (a parent hook), before anything reads the body.
      app.addHook('onRequest', async (request) => {
        const declared = Number(request.headers['content-length']);
        if (Number.isFinite(declared) && declared > rules.maxBytes + MULTIPART_OVERHEAD_BYTES)
          throw fileTooLarge();
      });
    },
    async read(request) {
      if (!request.isMultipart()) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', sendAsMultipart);
      let file: UploadedFile | undefined;
      try {
        for await (const part of request.parts()) {
          // Other fields are ignored; only the file part matters.
          if (part.type !== 'file') continue;
          if (part.fieldname !== rules.field) throw badUpload(sendAsMultipart);
          if (file) throw badUpload('Upload one file at a time.');
          file = { fileName: part.filename, bytes: await readWithin(part.file) };
        }
      } catch (error) {
        request.log.info({ err: error }, rules.logLabel);
        throw uploadError(error);
      }
      if (!file) throw badUpload(`Choose a ${rules.what} to upload. ${sendAsMultipart}`);
      return file;
    },
  };
}

/**
 * The fewest bytes the file in this upload can have, from its declared length less the multipart
 * framing; 0 when the body is sent without a length (chunked). Lets a file that cannot fit an
 * allowance be refused before its body is read.
 */
export function leastFileBytes(request: FastifyRequest): number {
  const declared = Number(request.headers['content-length']);
  return Number.isFinite(declared) ? Math.max(0, declared - MULTIPART_OVERHEAD_BYTES) : 0;
}
