import type { FieldError } from '../schema/common/problem.js';

/**
 * Domain errors carry the problem type the server turns into RFC 9457 problem+json.
 * Core code throws these; it never knows about HTTP beyond the status each kind maps to.
 */
export class DomainError extends Error {
  constructor(
    readonly problem: string,
    readonly status: number,
    message: string,
    readonly errors?: FieldError[],
  ) {
    super(message);
  }
}

export class ValidationError extends DomainError {
  constructor(errors: FieldError[], message = 'The request is not valid') {
    super('validation', 400, message, errors);
  }
}
export class NotFoundError extends DomainError {
  constructor(what = 'The resource') {
    super('not-found', 404, `${what} was not found`);
  }
}
export class ConflictError extends DomainError {
  constructor(message: string, errors?: FieldError[]) {
    super('conflict', 409, message, errors);
  }
}
export class ForbiddenError extends DomainError {
  constructor(message = 'You are not allowed to do this') {
    super('forbidden', 403, message);
  }
}
export class UnauthenticatedError extends DomainError {
  constructor(message = 'Sign in first') {
    super('unauthenticated', 401, message);
  }
}
export class RateLimitedError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('rate-limited', 429, message);
  }
}
export class CsrfError extends DomainError {
  constructor(message: string) {
    super('csrf', 403, message);
  }
}
/** A file that would take more than its share of memory or time to read (a ZIP bomb, a huge sheet). */
export class FileTooLargeError extends DomainError {
  constructor(message: string, errors?: FieldError[]) {
    super('payload-too-large', 413, message, errors);
  }
}
