import { describe, expect, it } from 'vitest';
import { createOutageLogThrottle, dataExceptionCode, isDatabaseUnavailable } from './errors.ts';

/** An error as node-postgres raises it for a server message: a SQLSTATE in `code`. */
function pgError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code, severity: 'FATAL' });
}

describe('isDatabaseUnavailable', () => {
  it.each([
    ['57P01', 'terminating connection due to administrator command'],
    ['57P02', 'terminating connection because of crash of another server process'],
    ['57P03', 'the database system is starting up'],
    ['57P03', 'the database system is shutting down'],
    ['08006', 'connection failure'],
    ['08001', 'could not establish connection'],
    ['08003', 'connection does not exist'],
  ])('maps PostgreSQL %s (%s) to unavailable', (code, message) => {
    expect(isDatabaseUnavailable(pgError(code, message))).toBe(true);
  });

  it.each([
    'ECONNREFUSED',
    'ECONNRESET',
    'ETIMEDOUT',
    'EPIPE',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'ENOTFOUND',
    'EAI_AGAIN',
  ])('maps the socket error %s to unavailable', (code) => {
    expect(isDatabaseUnavailable(Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code }))).toBe(
      true,
    );
  });

  it.each([
    'Connection terminated unexpectedly',
    'Connection terminated due to connection timeout',
    'timeout exceeded when trying to connect',
    'Client has encountered a connection error and is not queryable',
  ])('maps the driver error "%s" (no code) to unavailable', (message) => {
    expect(isDatabaseUnavailable(new Error(message))).toBe(true);
  });

  it('unwraps causes, as the ORM and the auth library wrap driver errors', () => {
    const driver = pgError('57P01', 'terminating connection due to administrator command');
    const orm = new Error('Failed query: select 1', { cause: driver });
    expect(isDatabaseUnavailable(new Error('Failed to get session', { cause: orm }))).toBe(true);
  });

  it("unwraps an AggregateError from trying each of a host's addresses", () => {
    const refused = (address: string) =>
      Object.assign(new Error(`connect ECONNREFUSED ${address}`), { code: 'ECONNREFUSED' });
    expect(isDatabaseUnavailable(new AggregateError([refused('::1:5432'), refused('127.0.0.1:5432')]))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(new AggregateError([]))).toBe(false);
  });

  it.each([
    ['23505', 'duplicate key value violates unique constraint'],
    ['42P01', 'relation "nope" does not exist'],
    ['57014', 'canceling statement due to statement timeout'],
    ['40001', 'could not serialize access'],
  ])('keeps the query error %s (%s) a bug, not an outage', (code, message) => {
    expect(isDatabaseUnavailable(pgError(code, message))).toBe(false);
  });

  it('is false for non-errors and for unrelated errors', () => {
    expect(isDatabaseUnavailable(undefined)).toBe(false);
    expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(
      isDatabaseUnavailable(Object.assign(new Error('bad body'), { code: 'FST_ERR_CTP_INVALID_JSON_BODY' })),
    ).toBe(false);
  });

  it('stops at a cyclic cause chain', () => {
    const error = new Error('loop') as Error & { cause?: unknown };
    error.cause = error;
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe('createOutageLogThrottle', () => {
  it('lets one warning through per window and reports how many it folded', () => {
    let time = 1_000;
    const throttle = createOutageLogThrottle(10_000, () => time);
    expect(throttle.next()).toBe(0);
    time += 1;
    expect(throttle.next()).toBeNull();
    time += 5_000;
    expect(throttle.next()).toBeNull();
    time += 5_000;
    expect(throttle.next()).toBe(2);
    time += 20_000;
    expect(throttle.next()).toBe(0);
  });
});

describe('dataExceptionCode', () => {
  it.each([
    ['22P02', 'invalid input syntax for type uuid: "x"'],
    ['22003', 'value "2147483648" is out of range for type integer'],
    ['22021', 'invalid byte sequence for encoding "UTF8": 0x00'],
    ['22P05', 'unsupported Unicode escape sequence'],
    ['22001', 'value too long for type character varying(80)'],
  ])('finds PostgreSQL %s (%s), also wrapped by the ORM', (code, message) => {
    expect(dataExceptionCode(pgError(code, message))).toBe(code);
    const wrapped = Object.assign(new Error('Failed query: update ...'), { cause: pgError(code, message) });
    expect(dataExceptionCode(Object.assign(new Error('auth failed'), { cause: wrapped }))).toBe(code);
  });

  it('is null for other errors', () => {
    expect(dataExceptionCode(pgError('23505', 'duplicate key value violates unique constraint'))).toBeNull();
    expect(dataExceptionCode(pgError('57P01', 'terminating connection'))).toBeNull();
    expect(dataExceptionCode(new Error('plain'))).toBeNull();
    expect(dataExceptionCode(undefined)).toBeNull();
  });
});
