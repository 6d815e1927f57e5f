// Typed errors, mapped once to HTTP (lib/http.ts) and to UI messages. Messages are Chinese and
// tell the user what happened or what to fix.

export type FieldError = { field: string; message: string };

export class AppError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class Unauthenticated extends AppError {
  constructor(message = "请先登录") {
    super(message, 401);
  }
}

export class Forbidden extends AppError {
  constructor(message = "您没有权限执行此操作") {
    super(message, 403);
  }
}

export class NotFound extends AppError {
  constructor(message = "未找到该记录") {
    super(message, 404);
  }
}

/** A stale version or a step the ticket's state does not allow. */
export class Conflict extends AppError {
  constructor(message = "工单已被他人更新，请刷新后重试") {
    super(message, 409);
  }
}

export class Invalid extends AppError {
  constructor(
    readonly errors: FieldError[],
    message = "提交的内容有误，请按提示修改",
  ) {
    super(message, 400);
  }
}

export class TooManyRequests extends AppError {
  constructor(message = "操作过于频繁，请稍后再试") {
    super(message, 429);
  }
}

/**
 * The database cannot take a write just now (a long lock, a full disk, a read-only file). Nothing
 * was stored; the client may retry after `retryAfterSeconds` (503 + Retry-After).
 */
export class Unavailable extends AppError {
  constructor(
    message = "系统繁忙，暂时无法保存，请稍后重试",
    readonly retryAfterSeconds = 5,
  ) {
    super(message, 503);
  }
}
