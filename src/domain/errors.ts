/**
 * The closed catalogue of error codes. Domain and services throw `AppError`; the HTTP layer maps the code
 * to a status in one place (src/http/errors.ts); the message is Chinese and names the field when there is one.
 */
export const ERROR_CODES = [
  'validation',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'invalid_state',
  'too_large',
  /** well-formed enough to read but refused as it is (e.g. markup nested far deeper than any report) */
  'unprocessable',
  'unsupported_media',
  'rate_limited',
  /** the document workers are all busy and their queue is full: try again after `details.retryAfterSeconds` */
  'busy',
  'locked',
  /** a part of the installation this request needs is not installed (e.g. LibreOffice for PDF) */
  'unavailable',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** the field the error is about, e.g. 'applicant.idNumber' */
    readonly field?: string,
    /** further detail for the client (e.g. a list of field errors) */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const validationError = (field: string, message: string) => new AppError('validation', message, field);
export const notFound = (what: string) => new AppError('not_found', `${what}不存在`);
export const forbidden = (message = '无权执行此操作') => new AppError('forbidden', message);
