import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { Kind, parse, type DocumentNode } from 'graphql';
import { clientManifestEntries } from '../operations/client-manifests';

/**
 * Every operation apps in the field may send: this API's own (operations/*.graphql) and those
 * apps registered through their persisted-query manifests (operations/clients/*.json). In
 * production only these run (persisted operations), so they are what a schema change must keep
 * working.
 */
export interface RegisteredOperation {
  /** The operation's name, or `(anonymous)`. */
  name: string;
  /** Where it is registered: the file, and the entry of a client manifest. */
  where: string;
  document: DocumentNode;
}

export function readRegisteredOperations(root: URL): { operations: RegisteredOperation[]; problems: string[] } {
  const operations: RegisteredOperation[] = [];
  const problems: string[] = [];
  const add = (where: string, text: string) => {
    try {
      const document = parse(text);
      const first = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
      operations.push({ name: first?.name?.value ?? '(anonymous)', where, document });
    } catch (error) {
      problems.push(`${where}: does not parse: ${(error as Error).message}`);
    }
  };
  for (const name of filesIn(new URL('operations/', root), '.graphql')) {
    add(`operations/${name}`, readFileSync(new URL(`operations/${name}`, root), 'utf8'));
  }
  for (const name of filesIn(new URL('operations/clients/', root), '.json')) {
    const file = `operations/clients/${name}`;
    const entries = clientManifestEntries(file, readFileSync(new URL(file, root), 'utf8'));
    for (const entry of entries) {
      if ('message' in entry) problems.push(`${entry.file}: ${entry.message}`);
      else add(`${file} ${entry.label}`, entry.body);
    }
  }
  return { operations, problems };
}

function filesIn(dir: URL, extension: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(extension))
    .sort();
}
