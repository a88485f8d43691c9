import type { Entity, ProcessedMaterial } from "./schemas";
import { nameKey } from "./entities";

export interface AliasResolver {
  /** The entity a surface form refers to across all materials, if known. */
  resolve(name: string): Entity | undefined;
  /** True when two surface forms name the same entity (TTP = Tehrik-e-Taliban Pakistan = Pakistani Taliban). */
  same(a: string, b: string): boolean;
  /** Canonical key of a surface form: the entity id, or its normalised form when unknown. */
  key(name: string): string;
}

/**
 * Merges the entities of several materials by shared aliases, so that an alias learnt from one
 * article (ISK = Islamic State Khorasan) applies to all.
 */
export function createAliasResolver(materials: ReadonlyArray<Pick<ProcessedMaterial, "entities">>): AliasResolver {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    const p = parent.get(x) ?? x;
    if (p === x) return x;
    const r = find(p);
    parent.set(x, r);
    return r;
  };
  const entityByKey = new Map<string, Entity>();
  for (const m of materials) {
    for (const e of m.entities) {
      const keys = e.aliases.map(nameKey).filter(Boolean);
      const head = keys[0];
      if (!head) continue;
      for (const k of keys) {
        const a = find(head);
        const b = find(k);
        if (a !== b) parent.set(b, a);
        const prev = entityByKey.get(k);
        if (!prev || e.mentions.length > prev.mentions.length) entityByKey.set(k, e);
      }
    }
  }
  const resolve = (name: string) => {
    const k = nameKey(name);
    const root = find(k);
    return entityByKey.get(root) ?? entityByKey.get(k);
  };
  return {
    resolve,
    key: (name) => find(nameKey(name)),
    same: (a, b) => find(nameKey(a)) === find(nameKey(b)),
  };
}
