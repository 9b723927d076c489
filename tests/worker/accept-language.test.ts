import { beforeAll, describe, expect, it } from 'vitest';
import { deliveryWorker, persistedGetUrl } from './delivery-helpers';
import { seedKv } from './helpers';

/**
 * One language per request: Accept-Language sets the language of every localized field that
 * names none, a field's own `language` still wins, `localizedName` says which language came
 * back, and neither the edge cache nor the response memo hands one language's answer to a
 * request preferring another (both key by the parsed preferences; answers say Vary).
 */
beforeAll(seedKv);

const PERSON = `{ person(slug: "vladimir-putin") {
  name description localizedName { language value } localizedDescription { language value }
  english: name(language: "en") events(first: 1) { edges { node { name } } } } }`;

function post(send: ReturnType<typeof deliveryWorker>, acceptLanguage?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (acceptLanguage !== undefined) headers['accept-language'] = acceptLanguage;
  return send('/graphql', { method: 'POST', headers, body: JSON.stringify({ query: PERSON }) });
}

describe('Accept-Language', () => {
  it.each([
    [undefined, 'en', 'Vladimir Putin'],
    ['hi', 'hi', 'व्लादिमीर पुतिन'],
    ['hi-IN,hi;q=0.9,en;q=0.8', 'hi', 'व्लादिमीर पुतिन'],
    // Hindi in Latin letters never gets the Devanagari name: the Latin one, which says it is English.
    ['hi-Latn, hi;q=0.5', 'en', 'Vladimir Putin'],
    ['fr, ko;q=0.8', 'ko', '블라디미르 푸틴'],
    ['*, xx-!!, en;q=0', 'en', 'Vladimir Putin'],
  ])('%s: every localized field in %s', async (acceptLanguage, language, name) => {
    const response = await post(deliveryWorker(), acceptLanguage);
    const body = (await response.json()) as { data: { person: Record<string, any> }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    const person = body.data.person;
    expect(person.localizedName).toEqual({ language, value: name });
    expect(person.name).toBe(name);
    expect(person.english).toBe('Vladimir Putin');
    // The description follows the same preferences (it exists in en and hi only).
    expect(person.localizedDescription.language).toBe(['hi', 'en'].includes(language) ? language : 'en');
    expect(person.description).toBe(person.localizedDescription.value);
    expect(person.events.edges[0].node.name).toMatch(language === 'hi' ? /\p{Script=Devanagari}/u : /./u);
  });

  it('the response memo keeps one answer per language', async () => {
    const send = deliveryWorker();
    const hi = await (await post(send, 'hi')).json();
    const en = await (await post(send, 'en')).json();
    const hiAgain = await post(send, 'hi;q=1');
    expect(en).not.toEqual(hi);
    expect(await hiAgain.json()).toEqual(hi);
    expect(hiAgain.kv).toMatchObject({ roundTrips: 0, keys: 0 });
  });

  it('the edge cache keys by the parsed preferences and says Vary: Accept-Language', async () => {
    const send = deliveryWorker({ ALLOW_ARBITRARY_QUERIES: 'false' });
    const url = persistedGetUrl('PersonPage', { slug: 'kim-jong-un' });
    const get = (acceptLanguage: string) => send(url, { headers: { 'accept-language': acceptLanguage } });
    const hi = await get('hi');
    expect(hi.headers.get('x-cache')).toBe('MISS');
    expect(hi.headers.get('vary')).toMatch(/Accept-Language/);
    const hiBody = (await hi.json()) as { data: { person: { name: string; localizedName: { language: string } } } };
    expect(hiBody.data.person).toMatchObject({ name: 'किम जोंग उन', localizedName: { language: 'hi' } });

    const en = await get('en-GB, en;q=0.9');
    expect(en.headers.get('x-cache')).toBe('MISS');
    expect(((await en.json()) as typeof hiBody).data.person.localizedName.language).toBe('en');

    const again = await get('hi;q=1.0');
    expect(again.headers.get('x-cache')).toBe('HIT');
    expect(await again.json()).toEqual(hiBody);
  });
});
