import { describe, expect, it } from 'vitest';
import { sectionKey, subjectHandle, subjectKey } from './topic-keys';

describe('topic handles', () => {
  it('normalize a name: NFC, trimmed, single-spaced, lower-cased', () => {
    expect(sectionKey('  World   News ')).toBe('world news');
    expect(sectionKey('क\u093C')).toBe(sectionKey('\u0958'.normalize('NFC')));
  });

  it('take a subject by code as given, a free tag by its normalized name', () => {
    expect(subjectKey({ name: 'Politics', code: 'medtop:11000000' })).toBe('medtop:11000000');
    expect(subjectKey({ name: ' Cricket ', code: undefined })).toBe('tag:cricket');
    expect(subjectHandle(' medtop:11000000 ')).toBe('medtop:11000000');
    expect(subjectHandle('tag:CRICKET  World')).toBe('tag:cricket world');
    expect(subjectHandle(`tag:${'Cricket'}`)).toBe(subjectKey({ name: 'Cricket', code: undefined }));
  });
});
