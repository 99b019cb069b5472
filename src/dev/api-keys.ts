import type { Api, Quota, UsagePlan } from '../ir/types.js';
import { GatewayError } from './gateway-responses.js';
import { derivedSecret } from './ids.js';
import type { TrafficState } from './throttle.js';

export interface DevApiKey {
  /** As the usage plan names it. */
  readonly name: string;
  /** The local value to send in `x-api-key`: derived from the API and key names, the same on every run. */
  readonly value: string;
  readonly id: string;
  /** The usage plans that list the key. */
  readonly plans: readonly UsagePlan[];
}

/** Every API key the usage plans name, with its local value. */
export function devApiKeys(api: Api): DevApiKey[] {
  const byName = new Map<string, UsagePlan[]>();
  for (const plan of api.gateway.usagePlans) for (const key of plan.apiKeys) byName.set(key, [...(byName.get(key) ?? []), plan]);
  return [...byName].map(([name, plans]) => ({
    name,
    value: `gwdev-${derivedSecret('api-key', `${api.name}/${name}`, 34)}`,
    id: derivedSecret('api-key-id', `${api.name}/${name}`, 10),
    plans,
  }));
}

/** API key checks of one stage: the key must exist and belong to a plan of the stage; then the plan's throttle and quota. */
export class UsagePlanGate {
  readonly #keys: ReadonlyMap<string, DevApiKey>;

  constructor(
    keys: readonly DevApiKey[],
    private readonly stage: string,
    private readonly traffic: TrafficState,
  ) {
    this.#keys = new Map(keys.map((k) => [k.value, k]));
  }

  /** Admits one request with this key value, read from `source`, or says why not. */
  admit(value: string | undefined, now: number, source: 'header' | 'authorizer' = 'header'): DevApiKey {
    const key = value === undefined ? undefined : this.#keys.get(value);
    if (!key) {
      const missing = source === 'header' ? 'no x-api-key header' : 'no usageIdentifierKey from a Lambda authorizer';
      throw new GatewayError('INVALID_API_KEY', undefined, {}, value === undefined ? missing : 'unknown API key');
    }
    const plan = key.plans.find((p) => p.stages.includes(this.stage));
    if (!plan) throw new GatewayError('INVALID_API_KEY', undefined, {}, `the key "${key.name}" is in no usage plan of the stage ${this.stage}`);
    if (plan.throttle && !this.traffic.take(`plan:${plan.name}:${key.name}`, plan.throttle, now)) {
      throw new GatewayError('THROTTLED', undefined, {}, `usage plan ${plan.name} throttle`);
    }
    if (plan.quota && !this.traffic.count(`quota:${plan.name}:${key.name}`, quotaPeriod(plan.quota, now), plan.quota.limit)) {
      throw new GatewayError('QUOTA_EXCEEDED', undefined, {}, `usage plan ${plan.name} quota of ${plan.quota.limit} per ${plan.quota.period}`);
    }
    return key;
  }
}

/** Which quota period a moment falls in (UTC); for weeks, `offset` is the first day (0 = Sunday). */
export function quotaPeriod(quota: Quota, now: number): string {
  const d = new Date(now);
  switch (quota.period) {
    case 'DAY':
      return d.toISOString().slice(0, 10);
    case 'WEEK': {
      const back = (d.getUTCDay() - (quota.offset % 7) + 7) % 7;
      return `week-${new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - back)).toISOString().slice(0, 10)}`;
    }
    case 'MONTH':
      return d.toISOString().slice(0, 7);
  }
}
