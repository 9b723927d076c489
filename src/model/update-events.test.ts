import { describe, expect, it } from 'vitest';
import { encodeMembership } from './generations';
import { commentText, eventText, listOf, MAX_STREAM_LISTS, parseListNames, retryText, touchedLists, versionEvent } from './update-events';
import type { VersionPointer } from './version-pointer';

/** A delta pointer v3 on base v1: v2 wrote the latest feed's head, v3 a person's first leaf. */
const pointer: VersionPointer = {
  version: 'v3',
  builtAt: '2026-01-03T00:00:00Z',
  articleCount: 12,
  entityCount: 4,
  base: 'v1',
  chain: [
    { version: 'v3', keys: encodeMembership(['a:new', 'l:articles@Person:kim-jong-un:0']) },
    { version: 'v2', keys: encodeMembership(['a:other', 'h:articles', 'l:articles:0']) },
  ],
};
const named = (param: string) => {
  const parsed = parseListNames(param);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed.lists;
};

describe('update events', () => {
  it('maps public list names to the stored lists, normalized as the filters are', () => {
    expect(listOf('latest')).toBe('articles');
    expect(listOf('person:kim-jong-un')).toBe('articles@Person:kim-jong-un');
    expect(listOf('section: World ')).toBe('articles@section:world');
    expect(listOf('subject:tag:Cricket')).toBe('articles@subject:tag:cricket');
    expect(listOf('language:hi')).toBe('articles@lang:hi');
    expect(listOf('people')).toBeNull();
    expect(listOf('person:')).toBeNull();
  });

  it('refuses a malformed or too long list of lists, saying what is allowed', () => {
    expect(parseListNames('latest,planet:mars')).toEqual({ error: expect.stringContaining('"planet:mars" is not a list') });
    const many = Array.from({ length: MAX_STREAM_LISTS + 1 }, (_, i) => `person:p${i}`).join(',');
    expect(parseListNames(many)).toEqual({ error: expect.stringContaining(`at most ${MAX_STREAM_LISTS}`) });
    expect(parseListNames(null)).toEqual({ lists: new Map() });
  });

  it('tells which named lists changed at their top since a version, from the pointer alone', () => {
    const lists = named('latest,person:kim-jong-un,person:vladimir-putin');
    expect(touchedLists(pointer, 'v2', lists)).toEqual(['person:kim-jong-un']);
    expect(touchedLists(pointer, 'v1', lists)).toEqual(['latest', 'person:kim-jong-un']);
    expect(touchedLists(pointer, 'v3', lists)).toEqual([]);
    expect(touchedLists(pointer, 'v0', lists)).toBeNull();
  });

  it('says everything may have changed when the version does not descend from the one the client had', () => {
    const lists = named('latest,section:world');
    expect(versionEvent(pointer, 'elsewhere', lists)).toMatchObject({ version: 'v3', previous: 'elsewhere', full: true, lists: ['latest', 'section:world'] });
    expect(versionEvent(pointer, null, lists)).toMatchObject({ previous: null, full: false, lists: [] });
  });

  it('writes events, comments and retry as the server-sent events format has them', () => {
    const event = versionEvent(pointer, 'v2', named('latest'));
    const text = eventText(event);
    expect(text).toMatch(/^id: v3\nevent: version\ndata: \{.*\}\n\n$/);
    expect(JSON.parse(text.split('\n')[2]!.slice('data: '.length))).toEqual({ version: 'v3', previous: 'v2', builtAt: pointer.builtAt, articles: 12, lists: [], full: false });
    expect(commentText('a\nb')).toBe(': a b\n\n');
    expect(retryText(3000.4)).toBe('retry: 3000\n\n');
  });
});
