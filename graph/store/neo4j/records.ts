/**
 * The one mapping between model entities and Neo4j values. Integers are
 * written with `neo4j.int` and dates as Neo4j dates; nested objects are
 * flattened to `field.key` properties; arrays of objects are JSON. On the way
 * back every driver value is made plain and the entity is parsed by its schema.
 */
import neo4j, { isDate, isInt, isNode, isRelationship } from 'neo4j-driver';
import type { Node } from 'neo4j-driver';
import { GraphError } from '../../errors.js';
import { ENTITY_SCHEMAS } from '../../model/index.js';
import type { AnyEntity, EntityMap, EntityType, Stored } from '../../model/index.js';
import { foldCase } from '../fold-case.js';
import { DATE_FIELDS, JSON_FIELDS } from './graph-map.js';

type Property = string | boolean | neo4j.Integer | neo4j.Date<number> | string[];

function unstorable(type: EntityType, id: string, field: string, why: string): GraphError {
  return new GraphError('INVALID_INPUT', `${type} '${id}': ${field} ${why}`, {
    type,
    id,
    field,
  });
}

function toInteger(type: EntityType, id: string, field: string, value: number): neo4j.Integer {
  if (!Number.isSafeInteger(value)) throw unstorable(type, id, field, 'is not a whole number');
  return neo4j.int(value);
}

function toDate(type: EntityType, id: string, field: string, value: unknown): neo4j.Date<number> {
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (!match) throw unstorable(type, id, field, 'is not a yyyy-mm-dd date');
  return new neo4j.types.Date(Number(match[1]), Number(match[2]), Number(match[3]));
}

function toScalar(type: EntityType, id: string, field: string, value: unknown): Property {
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return toInteger(type, id, field, value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  throw unstorable(type, id, field, `cannot be stored (${typeof value})`);
}

/** The node properties of an entity, with the adapter's own `nameFolded`; `version` is set apart. */
export function toProperties(type: EntityType, entity: AnyEntity): Record<string, Property> {
  const id = entity.id;
  const props: Record<string, Property> = {};
  for (const [field, value] of Object.entries(entity)) {
    if (value === undefined || field === 'version') continue;
    if (DATE_FIELDS.has(field)) props[field] = toDate(type, id, field, value);
    else if (JSON_FIELDS.has(field)) props[field] = JSON.stringify(value);
    else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
        if (inner !== undefined) props[`${field}.${key}`] = toScalar(type, id, field, inner);
      }
    } else props[field] = toScalar(type, id, field, value);
  }
  if (typeof entity.name === 'string') props.nameFolded = foldCase(entity.name);
  return props;
}

/** A driver value as plain JavaScript: integers as numbers, dates as yyyy-mm-dd, graph values as objects. */
export function toPlain(value: unknown): unknown {
  if (isInt(value)) {
    if (!value.inSafeRange()) throw new Error(`integer ${value.toString()} is out of range`);
    return value.toNumber();
  }
  if (isDate(value)) return value.toString();
  if (isNode(value)) return { labels: [...value.labels], properties: toPlain(value.properties) };
  if (isRelationship(value)) return { type: value.type, properties: toPlain(value.properties) };
  if (Array.isArray(value)) return value.map(toPlain);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toPlain(v)]));
  }
  return value;
}

function corrupt(type: EntityType, id: unknown, why: string): GraphError {
  return new GraphError(
    'STORE_UNAVAILABLE',
    `stored ${type} '${String(id)}' is not valid: ${why}`,
    {
      type,
      id,
    },
  );
}

/** An entity node -> the model entity with its version; invalid data is refused, never passed on. */
export function entityFromNode<K extends EntityType>(type: K, node: Node): Stored<EntityMap[K]> {
  const props = toPlain(node.properties) as Record<string, unknown>;
  const { version, nameFolded: _folded, ...fields } = props;
  const entity: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    const dot = key.indexOf('.');
    if (dot > 0) {
      const outer = key.slice(0, dot);
      const inner = (entity[outer] ??= {}) as Record<string, unknown>;
      inner[key.slice(dot + 1)] = value;
    } else if (JSON_FIELDS.has(key) && typeof value === 'string') {
      try {
        entity[key] = JSON.parse(value);
      } catch {
        throw corrupt(type, props.id, `${key} is not JSON`);
      }
    } else entity[key] = value;
  }
  const parsed = ENTITY_SCHEMAS[type].safeParse(entity);
  if (!parsed.success) throw corrupt(type, props.id, parsed.error.issues[0]?.message ?? 'invalid');
  if (typeof version !== 'number') throw corrupt(type, props.id, 'no version');
  return { ...(parsed.data as EntityMap[K]), version };
}
