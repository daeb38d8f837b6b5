import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api-client.ts';
import { describeUploadFailure, problemWithFile } from './upload-rules.ts';

const MB = 1024 * 1024;

describe('problemWithFile', () => {
  it('lets the five formats through, whatever the case of the name', () => {
    for (const name of ['a.pdf', 'b.DOCX', 'c.txt', 'd.md', 'e.Csv'])
      expect(problemWithFile({ name, size: 100 })).toBeNull();
  });

  it('refuses other kinds of file by name, saying which are accepted', () => {
    expect(problemWithFile({ name: 'logo.png', size: 100 })).toBe(
      '“logo.png” can’t be added: upload a PDF, Word (.docx), plain text (.txt), Markdown (.md) or CSV file.',
    );
    expect(problemWithFile({ name: 'README', size: 100 })).toMatch(/can’t be added/);
    expect(problemWithFile({ name: 'notes.pdf.exe', size: 100 })).toMatch(/can’t be added/);
  });

  it('refuses an empty file and one over 10 MB before sending a byte', () => {
    expect(problemWithFile({ name: 'empty.txt', size: 0 })).toBe('“empty.txt” is empty.');
    expect(problemWithFile({ name: 'big.pdf', size: 10 * MB })).toBeNull();
    expect(problemWithFile({ name: 'big.pdf', size: 12.5 * MB })).toBe(
      '“big.pdf” is 13 MB; a document can be at most 10 MB.',
    );
  });
});

function apiError(init: ConstructorParameters<typeof ApiError>[0]) {
  return new ApiError(init);
}

describe('describeUploadFailure', () => {
  it('gives the retry time when the upload limit is reached', () => {
    expect(
      describeUploadFailure(
        apiError({ code: 'RATE_LIMITED', status: 429, message: 'Slow down.', retryAfterSeconds: 150 }),
      ),
    ).toEqual({ message: 'Upload limit reached. Try again in 3 minutes.', retryable: true });
    expect(
      describeUploadFailure(
        apiError({ code: 'RATE_LIMITED', status: 429, message: 'x', retryAfterSeconds: 40 }),
      ),
    ).toEqual({ message: 'Upload limit reached. Try again in 40 seconds.', retryable: true });
  });

  it('passes on the server’s reason for a file it refused, which sending again will not change', () => {
    for (const [code, status] of [
      ['PAYLOAD_TOO_LARGE', 413],
      ['UNSUPPORTED_MEDIA_TYPE', 415],
    ] as const) {
      expect(describeUploadFailure(apiError({ code, status, message: 'Reason from the server.' }))).toEqual({
        message: 'Reason from the server.',
        retryable: false,
      });
    }
  });

  it('offers a retry after a dropped connection or a server fault', () => {
    expect(describeUploadFailure(apiError({ code: 'NETWORK_ERROR', status: 0, message: 'x' }))).toEqual({
      message: 'The upload was interrupted. Check your connection and try again.',
      retryable: true,
    });
    expect(describeUploadFailure(apiError({ code: 'INTERNAL', status: 500, message: 'Oops.' }))).toEqual({
      message: 'Oops.',
      retryable: true,
    });
    expect(
      describeUploadFailure(apiError({ code: 'NOT_FOUND', status: 404, message: 'Gone.' })).retryable,
    ).toBe(false);
  });
});
