import { describe, expect, it } from 'vitest';
import { alignBody, storyBody } from './body-align';
import { dropBoilerplate } from './boilerplate';
import { htmlBlocks } from './html-blocks';
import { htmlParagraphs } from './html-text';

describe('alignBody', () => {
  const html = `<p>Follow us on Twitter</p><p>Zero, the lead.</p><h2>Subhead</h2><p>One <em>two</em>.</p>
    <figure><img src="https://img.example.com/a.jpg"><figcaption>Caption (Image: Reuters)</figcaption></figure>
    <ul><li>First item.</li><li>Second item.</li></ul><p>Three.</p>`;
  const paragraphs = dropBoilerplate(htmlParagraphs(html)).kept;

  it('names every kept paragraph once, in order, and leaves out what the junk rules dropped', () => {
    expect(paragraphs).toEqual(['Zero, the lead.', 'Subhead', 'One two.', 'First item.', 'Second item.', 'Three.']);
    expect(alignBody(paragraphs, htmlBlocks(html))).toEqual([
      0,
      { type: 'heading', level: 2, paragraph: 1 },
      { type: 'paragraph', paragraph: 2, marks: [{ start: 4, end: 7, type: 'emphasis' }] },
      { type: 'image', image: { url: 'https://img.example.com/a.jpg', caption: 'Caption (Image: Reuters)', renditions: [] } },
      { type: 'list', items: [3, 4] },
      5,
    ]);
  });

  it('puts a kept paragraph the blocks lack in its place as a plain paragraph', () => {
    expect(alignBody(['A.', 'B.', 'C.'], htmlBlocks('<h3>A.</h3><p>C.</p>'))).toEqual([{ type: 'heading', level: 3, paragraph: 0 }, 1, 2]);
  });

  it('is nothing when the structure is the paragraphs alone', () => {
    expect(alignBody(['A.', 'B.'], htmlBlocks('<p>A.</p><p>B.</p>'))).toBeUndefined();
    expect(storyBody(['A.'], [])).toBeUndefined();
  });

  it('writes no body the build would refuse: a picture with a control character in its caption', () => {
    const blocks = htmlBlocks('<figure><img src="https://img.example.com/a.jpg"><figcaption>bad \u0007 caption</figcaption></figure><p>A.</p>');
    expect(alignBody(['A.'], blocks)).toHaveLength(2);
    expect(storyBody(['A.'], blocks)).toBeUndefined();
  });
});
