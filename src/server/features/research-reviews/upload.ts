/**
 * The HTTP side of a review CSV upload, as the document upload does it (ADR 0034):
 * `@fastify/multipart`, registered only in the upload routes' own context, streams the body; a
 * declared `Content-Length` over the limit is refused before the body is read, and a body without
 * one is cut off (413, connection closed) the moment its file passes the limit. Whatever is wrong
 * with the multipart body itself becomes a 4xx in the standard envelope.
 */
import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { REVIEW_RUN_LIMITS, REVIEW_UPLOAD_FIELD } from '../../../core/research-reviews/limits.ts';
import { AppError } from '../../platform/errors.ts';
import type { UploadedCsv } from './service.ts';

/** Room for the multipart framing around the file (boundaries, part headers, a long file name). */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;
const MAX_BYTES = REVIEW_RUN_LIMITS.csvBytes;

const SEND_AS_MULTIPART = `Send the CSV file as multipart/form-data, in a form field named "${REVIEW_UPLOAD_FIELD}".`;

function fileTooLarge(): AppError {
  return new AppError(
    413,
    'PAYLOAD_TOO_LARGE',
    `The file is larger than ${MAX_BYTES / (1024 * 1024)} MB. Export fewer reviews (for example one product or a few months) and upload that.`,
    { headers: { connection: 'close' } },
  );
}

function badUpload(message: string): AppError {
  return new AppError(400, 'BAD_REQUEST', message);
}

/** Makes `app` (the upload routes' context) accept multipart bodies only, refusing an oversized one by its length. */
export async function acceptReviewUploads(app: FastifyInstance): Promise<void> {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, _payload, done) => {
    done(new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', SEND_AS_MULTIPART), undefined);
  });
  await app.register(multipart, {
    limits: {
      fileSize: MAX_BYTES,
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
    if (Number.isFinite(declared) && declared > MAX_BYTES + MULTIPART_OVERHEAD_BYTES) throw fileTooLarge();
  });
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

/** Reads a file part into memory, failing the moment it passes the limit. */
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

/** Reads the one file of an upload into memory, or throws the 4xx that explains why not. */
export async function readUploadedCsv(request: FastifyRequest): Promise<UploadedCsv> {
  if (!request.isMultipart()) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', SEND_AS_MULTIPART);
  let file: UploadedCsv | undefined;
  try {
    for await (const part of request.parts()) {
      // Other fields are ignored; only the file part matters (the mapping is in the query string).
      if (part.type !== 'file') continue;
      if (part.fieldname !== REVIEW_UPLOAD_FIELD) throw badUpload(SEND_AS_MULTIPART);
      if (file) throw badUpload('Upload one file at a time.');
      file = { fileName: part.filename.trim().slice(0, 200), bytes: await readWithin(part.file) };
    }
  } catch (error) {
    request.log.info({ err: error }, 'review CSV upload refused');
    throw uploadError(error);
  }
  if (!file) throw badUpload(`Choose a CSV file to upload. ${SEND_AS_MULTIPART}`);
  return file;
}
