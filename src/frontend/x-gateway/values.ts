import type { DeployValue, Throttle } from '../../ir/types.js';
import { isObject } from '../context.js';

/** Decoders for the small value shapes the x-gateway schema defines; input is already validated. */

export function deployValue(value: unknown): DeployValue | undefined {
  if (typeof value === 'string') return { literal: value };
  if (isObject(value) && typeof value['parameter'] === 'string') return { parameter: value['parameter'] };
  if (isObject(value) && typeof value['import'] === 'string') return { import: value['import'] };
  return undefined;
}

export function deployValues(value: unknown): DeployValue[] {
  return Array.isArray(value) ? value.map(deployValue).filter((v): v is DeployValue => v !== undefined) : [];
}

export function throttle(value: unknown): Throttle | undefined {
  if (!isObject(value) || typeof value['rate'] !== 'number' || typeof value['burst'] !== 'number') return undefined;
  return { rate: value['rate'], burst: value['burst'] };
}

export function stringMap(value: unknown): Record<string, string> {
  if (!isObject(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

export function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function num(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function bool(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

export function obj(value: unknown): Record<string, unknown> {
  return isObject(value) ? value : {};
}
