import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkLedger, parseLedger, type Ledger } from './operation-ledger';

const id = (c: string) => c.repeat(64);
const ledger = (operations: Ledger['operations']): Ledger => ({ operations });
const root = new URL('../../', import.meta.url);

describe('the ledger of registered operations', () => {
  const registered = ledger([
    { id: id('a'), name: 'FeedV1', where: 'operations/clients/ios.json', registered: '2026-01-01' },
    { id: id('b'), name: 'OldSearch', where: 'operations/search.graphql', registered: '2025-01-01', retired: '2026-06-01', reason: 'iOS 3.x, unsupported since 2026-06-01' },
  ]);

  it('refuses a build that drops a registered operation, naming it, where it was registered and how to retire it', () => {
    const { problems } = checkLedger(registered, [], '2026-12-07');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'operations/registered.json', path: '/operations/0' });
    expect(problems[0]!.message).toContain('FeedV1 (aaaaaaaaaaaa, registered 2026-01-01 in operations/clients/ios.json) is no longer built');
    expect(problems[0]!.message).toContain('"retired": "2026-12-07"');
  });

  it('lets a retired operation go, and registers a new one today', () => {
    const { ledger: next, problems } = checkLedger(registered, [{ id: id('a'), name: 'FeedV1', where: 'operations/clients/ios.json' }, { id: id('c'), name: 'FeedV2', where: 'operations/feed.graphql' }], '2026-12-07');
    expect(problems).toEqual([]);
    expect(next.operations.map((e) => [e.name, e.registered, e.retired])).toEqual([['FeedV1', '2026-01-01', undefined], ['OldSearch', '2025-01-01', '2026-06-01'], ['FeedV2', '2026-12-07', undefined]]);
  });

  it('registers again a retired operation that comes back', () => {
    const { ledger: next } = checkLedger(registered, [{ id: id('a'), name: 'FeedV1', where: 'x' }, { id: id('b'), name: 'OldSearch', where: 'operations/search.graphql' }], '2026-12-07');
    expect(next.operations[1]).toEqual({ id: id('b'), name: 'OldSearch', where: 'operations/search.graphql', registered: '2026-12-07' });
  });

  it('refuses a retirement without a reason, a bad date and an id listed twice, each at its place', () => {
    const text = JSON.stringify(ledger([
      { id: id('a'), name: 'A', where: 'w', registered: '2026-01-01', retired: '2026-02-01' },
      { id: id('a'), name: 'B', where: 'w', registered: '2026-01-01' },
    ]));
    expect('problems' in parseLedger(text) && parseLedger(text)).toMatchObject({ problems: [{ path: '/operations/0/reason' }, { path: '/operations/1/id' }] });
    expect(parseLedger('{"operations":[{"id":"x","name":"A","where":"w","registered":"soon"}]}')).toMatchObject({ problems: [{ path: '/operations/0/id' }, { path: '/operations/0/registered' }] });
    expect(parseLedger('{')).toMatchObject({ problems: [{ file: 'operations/registered.json', path: '' }] });
  });

  it('is current: every operation the build ships is registered and not retired', () => {
    const read = parseLedger(readFileSync(new URL('operations/registered.json', root), 'utf8'));
    if (!('ledger' in read)) throw new Error(JSON.stringify(read.problems));
    const shipped = (JSON.parse(readFileSync(new URL('public/persisted-query-manifest.json', root), 'utf8')) as { operations: Array<{ id: string; name: string }> }).operations;
    const live = new Set(read.ledger.operations.filter((e) => e.retired === undefined).map((e) => e.id));
    expect(shipped.filter((op) => !live.has(op.id)).map((op) => op.name)).toEqual([]);
  });
});
