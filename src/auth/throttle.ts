/**
 * Slowing down password guessing: failed logins are counted per account and per client address
 * over a sliding window; past the limit, further attempts are refused (HTTP 429 with Retry-After)
 * until the oldest failure leaves the window. A successful login clears its account's count.
 *
 * Written here rather than with express-rate-limit because the account key comes from the parsed
 * body, only failures must count, and a success must reset the account: all three are one line
 * each here. Counts live in memory: a restart forgets them (documented in the README).
 */

/** Throttle settings. */
export interface ThrottleOptions {
  /** Failures allowed inside the window before attempts are refused (default 5). */
  limit?: number;
  /** The window, in milliseconds (default 15 minutes). */
  windowMs?: number;
  /** The clock (injectable for tests). */
  now?: () => number;
  /** Most keys remembered; the oldest are dropped beyond it, bounding memory (default 10 000). */
  maxKeys?: number;
}

/** Counts failures per key over a sliding window. */
export class LoginThrottle {
  readonly limit: number;
  readonly windowMs: number;
  private readonly now: () => number;
  private readonly maxKeys: number;
  private readonly failures = new Map<string, number[]>();

  /** Creates an empty throttle. */
  constructor(options: ThrottleOptions = {}) {
    this.limit = options.limit ?? 5;
    this.windowMs = options.windowMs ?? 15 * 60 * 1000;
    this.now = options.now ?? Date.now;
    this.maxKeys = options.maxKeys ?? 10_000;
  }

  private recent(key: string): number[] {
    const cutoff = this.now() - this.windowMs;
    const list = (this.failures.get(key) ?? []).filter((t) => t > cutoff);
    if (list.length === 0) this.failures.delete(key);
    else this.failures.set(key, list);
    return list;
  }

  /** Seconds until `key` may try again, or 0 when it may try now. */
  retryAfter(key: string): number {
    const list = this.recent(key);
    if (list.length < this.limit) return 0;
    const oldest = list[list.length - this.limit]!;
    return Math.max(1, Math.ceil((oldest + this.windowMs - this.now()) / 1000));
  }

  /** Counts one failure against `key`. */
  fail(key: string): void {
    const list = this.recent(key);
    list.push(this.now());
    this.failures.delete(key);
    this.failures.set(key, list);
    while (this.failures.size > this.maxKeys) {
      const first = this.failures.keys().next().value as string;
      this.failures.delete(first);
    }
  }

  /** Takes back the most recent failure counted against `key` (an attempt that turned out to succeed). */
  forgive(key: string): void {
    const list = this.failures.get(key);
    if (!list) return;
    list.pop();
    if (list.length === 0) this.failures.delete(key);
  }

  /** Forgets the failures of `key` (after a successful login). */
  reset(key: string): void {
    this.failures.delete(key);
  }
}
