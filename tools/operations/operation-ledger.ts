import { z } from 'zod';
import type { Problem } from '../data/problems';

/**
 * The ledger of registered operations (operations/registered.json): every persisted operation
 * this API has shipped or an app has registered, by id, with the day it was first built, and,
 * once no supported app sends it, the day it was retired and why. An operation is kept (its
 * document stays in operations/ or operations/clients/) until it is retired here: a build whose
 * documents lack a registered, unretired id is refused, so no release silently breaks an app
 * version in the field (docs/app-developers.md, "Operation lifecycle").
 */
export const LEDGER_FILE = 'operations/registered.json';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a YYYY-MM-DD date');
const entry = z.strictObject({
  id: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hex'),
  name: z.string().min(1),
  /** Where it was registered: operations/<file>.graphql or a client manifest. */
  where: z.string().min(1),
  registered: day,
  retired: day.optional(),
  /** Why it may go: which app versions sent it and when they stopped being supported. */
  reason: z.string().min(1).optional(),
});
const ledger = z.strictObject({ $comment: z.string().optional(), operations: z.array(entry) });
export type Ledger = z.infer<typeof ledger>;
export type LedgerEntry = z.infer<typeof entry>;

/** An operation the build registers now. */
export interface CurrentOperation {
  id: string;
  name: string;
  where: string;
}

/** Reads the ledger's text; problems name the file and the JSON Pointer of each fault. */
export function parseLedger(text: string): { ledger: Ledger } | { problems: Problem[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { problems: [{ file: LEDGER_FILE, path: '', message: `is not JSON: ${(error as Error).message}` }] };
  }
  const parsed = ledger.safeParse(value);
  if (!parsed.success) return { problems: parsed.error.issues.map((i) => ({ file: LEDGER_FILE, path: `/${i.path.join('/')}`, message: i.message })) };
  const problems = parsed.data.operations.flatMap((e, i) => [
    ...(e.retired !== undefined && e.reason === undefined ? [{ file: LEDGER_FILE, path: `/operations/${i}/reason`, message: `${e.name}: a retired operation needs a reason (which app versions sent it, and since when they are unsupported)` }] : []),
    ...(e.retired !== undefined && e.retired < e.registered ? [{ file: LEDGER_FILE, path: `/operations/${i}/retired`, message: `${e.name}: retired before it was registered` }] : []),
  ]);
  const seen = new Set<string>();
  parsed.data.operations.forEach((e, i) => {
    if (seen.has(e.id)) problems.push({ file: LEDGER_FILE, path: `/operations/${i}/id`, message: `${e.name}: this id is listed twice` });
    seen.add(e.id);
  });
  return problems.length > 0 ? { problems } : { ledger: parsed.data };
}

/**
 * The build's check: every registered, unretired id must still be among `current`; ids the
 * ledger lacks are added as registered `today`. A retired id that comes back is registered again.
 */
export function checkLedger(previous: Ledger, current: readonly CurrentOperation[], today: string): { ledger: Ledger; problems: Problem[] } {
  const now = new Map(current.map((op) => [op.id, op]));
  const problems: Problem[] = [];
  const operations = previous.operations.map((e, i): LedgerEntry => {
    if (e.retired === undefined && !now.has(e.id)) {
      problems.push({
        file: LEDGER_FILE,
        path: `/operations/${i}`,
        message: `${e.name} (${e.id.slice(0, 12)}, registered ${e.registered} in ${e.where}) is no longer built, but apps may still send it: keep its document, or retire it here ("retired": "${today}", "reason": "...")`,
      });
    }
    if (e.retired !== undefined && now.has(e.id)) return { id: e.id, name: e.name, where: now.get(e.id)!.where, registered: today };
    return e;
  });
  const known = new Set(previous.operations.map((e) => e.id));
  for (const op of current) if (!known.has(op.id)) operations.push({ id: op.id, name: op.name, where: op.where, registered: today });
  return { ledger: { ...(previous.$comment !== undefined ? { $comment: previous.$comment } : {}), operations }, problems };
}
