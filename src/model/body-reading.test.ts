import { describe, expect, it } from 'vitest';
import type { BodyBlockDoc } from './body-docs';
import { readingParts, readingText } from './body-reading';

describe('readingParts', () => {
  const paragraphs = ['Rao won the county.', 'Results', 'Ortiz conceded.', 'Thank you all!'];
  const body: BodyBlockDoc[] = [
    0,
    { type: 'heading', level: 2, paragraph: 1 },
    { type: 'table', caption: 'Votes', rows: [{ header: true, cells: ['Candidate', 'Votes'] }, { cells: ['Rao', '12,408'] }] },
    { type: 'image', image: { url: 'https://img.example.com/a.jpg', caption: 'Rao at the count.' } },
    { type: 'embed', provider: 'TWITTER', url: 'https://x.com/rao/status/1', text: 'We did it.', attribution: 'Asha Rao (@rao) June 4, 2024' },
    { type: 'heading', level: 3, text: 'Reactions' },
    { type: 'list', items: [2] },
    { type: 'embed', provider: 'TWITTER', url: 'https://x.com/rao/status/2', text: 'Thank you all!', attribution: 'Asha Rao (@rao) June 5, 2024' },
    3,
    { type: 'embed', provider: 'YOUTUBE', url: 'https://www.youtube.com/watch?v=abc123' },
  ];

  it('gives every paragraph, and a table\'s and a post\'s text in place; pictures and bare players are no text', () => {
    expect(readingParts(paragraphs, body).map((p) => [p.kind, p.text])).toEqual([
      ['paragraph', 'Rao won the county.'],
      ['paragraph', 'Results'],
      ['table', 'Votes\nCandidate\tVotes\nRao\t12,408'],
      ['embed', 'We did it.\n— Asha Rao (@rao) June 4, 2024'],
      ['paragraph', 'Reactions'],
      ['paragraph', 'Ortiz conceded.'],
      // The source printed this post's words as a paragraph too: they are given once.
      ['embed', '— Asha Rao (@rao) June 5, 2024'],
      ['paragraph', 'Thank you all!'],
    ]);
  });

  it('is the paragraphs alone for a story stored without structure', () => {
    expect(readingText(paragraphs)).toBe(paragraphs.join('\n\n'));
  });
});
