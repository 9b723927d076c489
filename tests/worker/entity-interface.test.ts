import { beforeAll, describe, expect, it } from 'vitest';
import { freshWorker, seedKv } from './helpers';
import { SEED_SLUG } from '../../tools/fixtures/screens';

beforeAll(seedKv);
const query = freshWorker();

describe('Entity is an interface', () => {
  it('lets a type-ahead select name and slug without inline fragments', async () => {
    const r = await query(`{ suggest(prefix: "kim") { __typename id slug name(language: "hi") en: name(language: "en") wikidataId } }`);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data?.suggest).toContainEqual(
      expect.objectContaining({ __typename: 'Person', slug: 'kim-jong-un', en: 'Kim Jong Un' }),
    );
  });

  it('serves the shared fields on mentions and participants, and inline fragments still work', async () => {
    const r = await query(`{ article(slug: "${SEED_SLUG}") { mentions { entity { __typename slug name hi: name(language: "hi") ... on Place { kind } } } } }`);
    expect(r.body.errors).toBeUndefined();
    const entities = r.body.data?.article.mentions.map((m: { entity: object }) => m.entity);
    expect(entities).toContainEqual(expect.objectContaining({ __typename: 'Place', slug: 'moscow', name: 'Moscow', kind: 'CITY' }));
    expect(entities).toContainEqual({ __typename: 'Person', slug: 'vladimir-putin', name: 'Vladimir Putin', hi: 'व्लादिमीर पुतिन' });

    const e = await query(`{ event(slug: "putin-kim-summit-2019") { participants { slug articles(first: 1) { totalCount } } } }`);
    expect(e.body.errors).toBeUndefined();
    expect(e.body.data?.event.participants.map((p: { slug: string }) => p.slug)).toContain('kim-jong-un');
  });

  it('lists the four kinds as its implementations', async () => {
    const r = await query(`{ __type(name: "Entity") { kind interfaces { name } possibleTypes { name } } }`);
    const type = r.body.data?.__type;
    expect(type.kind).toBe('INTERFACE');
    expect(type.interfaces).toEqual([{ name: 'Node' }]);
    expect(type.possibleTypes.map((t: { name: string }) => t.name).sort()).toEqual(['Event', 'Organization', 'Person', 'Place']);
  });
});
