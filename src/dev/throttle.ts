import type { Throttle } from '../ir/types.js';

/**
 * API Gateway's token bucket: `burst` tokens at most, refilled at `rate` per second;
 * a request takes one token or is throttled.
 */
export class TokenBucket {
  #tokens: number;
  #updatedAt: number;

  constructor(
    readonly rate: number,
    readonly burst: number,
    now: number,
  ) {
    this.#tokens = burst;
    this.#updatedAt = now;
  }

  take(now: number): boolean {
    const elapsedS = Math.max(0, now - this.#updatedAt) / 1000;
    this.#tokens = Math.min(this.burst, this.#tokens + elapsedS * this.rate);
    this.#updatedAt = now;
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }
}

/**
 * Every bucket and quota counter of a running gateway, by name. It outlives reloads, so
 * editing the spec does not hand out fresh bursts; a bucket whose limits changed starts over.
 */
export class TrafficState {
  readonly #buckets = new Map<string, TokenBucket>();
  readonly #quotas = new Map<string, { period: string; used: number }>();

  take(name: string, limits: Throttle, now: number): boolean {
    let bucket = this.#buckets.get(name);
    if (!bucket || bucket.rate !== limits.rate || bucket.burst !== limits.burst) {
      bucket = new TokenBucket(limits.rate, limits.burst, now);
      this.#buckets.set(name, bucket);
    }
    return bucket.take(now);
  }

  /** Counts one request against a quota; false when the period's limit is used up. */
  count(name: string, period: string, limit: number): boolean {
    const current = this.#quotas.get(name);
    const used = current && current.period === period ? current.used : 0;
    if (used >= limit) return false;
    this.#quotas.set(name, { period, used: used + 1 });
    return true;
  }
}
