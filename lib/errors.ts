/** Expected failures: shown to the user with their message. Anything else is masked. */
export type AppErrorCode = "NOT_FOUND" | "FORBIDDEN" | "INVALID" | "CONFLICT" | "RATE_LIMITED" | "EXPIRED" | "UNAUTHENTICATED";

export const HTTP_STATUS: Record<AppErrorCode, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  INVALID: 422,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  EXPIRED: 410,
  UNAUTHENTICATED: 401,
};

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
