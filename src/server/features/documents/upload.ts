/**
 * The HTTP side of an upload (ADR 0034): `@fastify/multipart`, registered only in the context of the
 * two upload routes, streams the body; a declared `Content-Length` over the limit is refused before a
 * byte of the body is read, and a body without one is cut off (413, connection closed) the moment
 * its file passes 10 MB. Whatever is wrong with the multipart body itself becomes a 4xx in the
 * standard envelope.
 */
import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DOCUMENT_MAX_BYTES, DOCUMENT_UPLOAD_FIELD } from '../../../core/knowledge/contracts.ts';
import { AppError } from '../../platform/errors.ts';

/** Room for the multipart framing around the file (boundaries, part headers, a long file name). */
export const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

export interface UploadedFile {
  /** As the browser sent it; cleaned into the document's name by the service. */
  fileName: string;
  bytes: Uint8Array;
}

const SEND_AS_MULTIPART = `Send the file as multipart/form-data, in a form field named "${DOCUMENT_UPLOAD_FIELD}".`;

/** The answer to a file over the limit; the connection is closed so the rest is not sent for nothing. */
export function fileTooLarge(): AppError {
  return new AppError(
    413,
    'PAYLOAD_TOO_LARGE',
    `The file is larger than ${DOCUMENT_MAX_BYTES / (1024 * 1024)} MB. Split it, or save a smaller version (for example without images), and upload that.`,
    { headers: { connection: 'close' } },
  );
}

function badUpload(message: string): AppError {
  return new AppError(400, 'BAD_REQUEST', message);
}

/**
 * Makes `app` (the upload routes' own context) accept multipart bodies and nothing else, refuse an
 * oversized body by its declared length, and answer other media types with what to send instead.
 */
export async function acceptMultipartUploads(app: FastifyInstance): Promise<void> {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, _payload, done) => {
    done(new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', SEND_AS_MULTIPART), undefined);
  });
  await app.register(multipart, {
    limits: {
      fileSize: DOCUMENT_MAX_BYTES,
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
    if (Number.isFinite(declared) && declared > DOCUMENT_MAX_BYTES + MULTIPART_OVERHEAD_BYTES) {
      throw fileTooLarge();
    }
  });
}

/**
 * The fewest bytes the file in this upload can have, from its declared length less the multipart
 * framing; 0 when the body is sent without a length (chunked). Lets a file that cannot fit the
 * brand's allowance be refused before its body is read.
 */
export function leastFileBytes(request: FastifyRequest): number {
  const declared = Number(request.headers['content-length']);
  return Number.isFinite(declared) ? Math.max(0, declared - MULTIPART_OVERHEAD_BYTES) : 0;
}

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
      return badUpload(`The upload has too many form fields. ${SEND_AS_MULTIPART}`);
    case 'FST_PROTO_VIOLATION':
      return badUpload('A form field name is not allowed.');
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', SEND_AS_MULTIPART);
  }
  // Everything else thrown while parsing (a missing boundary, a malformed part header, a body that
  // ends early) comes from the bytes the client sent.
  return badUpload(`The upload could not be read as multipart/form-data. ${SEND_AS_MULTIPART}`);
}

/**
 * Reads a file part into memory, failing the moment it passes the limit. (The plugin's `toBuffer`
 * reports the limit only once the part has ended, that is after the rest of an oversized body has
 * been read; stopping here lets the 413 go out, and the connection close, at 10 MB.) The stream is
 * read by iteration, which also settles when it ended or failed before this was called (a body cut
 * short fails its part while the request is still being routed).
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

/** Reads the one file of an upload into memory (at most 10 MB), or throws the 4xx that explains why not. */
export async function readUploadedFile(request: FastifyRequest): Promise<UploadedFile> {
  if (!request.isMultipart()) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', SEND_AS_MULTIPART);
  let file: UploadedFile | undefined;
  try {
    for await (const part of request.parts()) {
      // Other fields are ignored; only the file part matters.
      if (part.type !== 'file') continue;
      if (part.fieldname !== DOCUMENT_UPLOAD_FIELD) throw badUpload(SEND_AS_MULTIPART);
      if (file) throw badUpload('Upload one file at a time.');
      file = { fileName: part.filename, bytes: await readWithin(part.file) };
    }
  } catch (error) {
    request.log.info({ err: error }, 'upload refused');
    throw uploadError(error);
  }
  if (!file) throw badUpload(`Choose a file to upload. ${SEND_AS_MULTIPART}`);
  return file;
}
