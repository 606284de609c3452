/**
 * A response schema made strict for the contract check, without changing the schema the API uses:
 * every object refuses keys it does not declare (an undocumented field is a contract break, not
 * something to strip silently), and a `.default()` no longer fills a missing field (an answer
 * must carry it: OpenAPI's output schemas list such fields as required).
 *
 * It rebuilds each node from its definition with `clone`, so checks and refinements on the node
 * (`superRefine`, lengths, patterns) survive; only the children and `catchall` are replaced.
 */
import * as z from 'zod/mini';

type Def = Record<string, unknown> & { type: string };
// Typed by zod's core: classic and mini schemas both pass, and `clone` keeps each node's flavour.
type Schema = z.core.$ZodType;
const defOf = (schema: Schema): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const rebuild = (schema: Schema, def: Def): Schema => z.core.clone(schema, def as never);

export function deepStrict(schema: Schema, seen = new Map<Schema, Schema>()): Schema {
  const done = seen.get(schema);
  if (done) return done;
  const def = defOf(schema);
  const strict = (child: unknown) => deepStrict(child as Schema, seen);
  let out: Schema;
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, Schema>;
      const strictShape = Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, strict(v)]));
      // A declared catchall (a loose object, on purpose) stays; the default strip becomes strict.
      const catchall = def.catchall === undefined ? z.never() : strict(def.catchall);
      out = rebuild(schema, { ...def, shape: strictShape, catchall });
      break;
    }
    case 'array':
      out = rebuild(schema, { ...def, element: strict(def.element) });
      break;
    case 'default':
    case 'prefault':
      out = strict(def.innerType);
      break;
    case 'optional':
    case 'nullable':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      out = rebuild(schema, { ...def, innerType: strict(def.innerType) });
      break;
    case 'union':
      out = rebuild(schema, { ...def, options: (def.options as unknown[]).map(strict) });
      break;
    case 'intersection':
      out = rebuild(schema, { ...def, left: strict(def.left), right: strict(def.right) });
      break;
    case 'record':
      out = rebuild(schema, { ...def, valueType: strict(def.valueType) });
      break;
    case 'tuple':
      out = rebuild(schema, {
        ...def,
        items: (def.items as unknown[]).map(strict),
        rest: def.rest ? strict(def.rest) : def.rest,
      });
      break;
    case 'pipe':
      out = rebuild(schema, { ...def, in: strict(def.in) });
      break;
    case 'lazy': {
      const getter = def.getter as () => Schema;
      out = rebuild(schema, { ...def, getter: () => strict(getter()) });
      break;
    }
    default:
      // Leaves (string, number, enum, literal, unknown …) have no keys to police.
      out = schema;
  }
  seen.set(schema, out);
  return out;
}
