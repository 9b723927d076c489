import { describe, expect, it } from 'vitest';
import { htmlBlocks } from './html-blocks';
import { htmlParagraphs } from './html-text';

describe('htmlBlocks', () => {
  const html = `
    <h2>What they <em>signed</em></h2>
    <p><b>Putin</b> met <a href="/people/kim">Kim</a> in   <i>Pyongyang</i>.</p>
    <figure><img src="https://img.example.com/a.jpg" alt="Two men" width="800"><figcaption>The signing. <span class="credit">KCNA</span></figcaption></figure>
    <figure><blockquote><p>We will stand together.</p></blockquote><figcaption>Kim Jong Un</figcaption></figure>
    <ol><li>Arms</li><li>Food <strong>and</strong> fuel<ul><li>Oil</li></ul></li></ol>
    <blockquote class="twitter-tweet"><p lang="en">Kim greets Putin pic.twitter.com/x</p>&mdash; KCNA (@kcna) <a href="https://twitter.com/kcna/status/123?ref=x">June 19, 2024</a></blockquote>
    <iframe src="https://www.youtube.com/embed/abc123XYZ"></iframe>
    <p><img src="data:image/gif;base64,R0lGOD" width="1" height="1">Tail.</p>`;
  const blocks = htmlBlocks(html, 'https://news.example.com/world/story');

  it('gives each block its role, marks as UTF-16 ranges of the collapsed text, and links made absolute', () => {
    expect(blocks[0]).toEqual({ kind: 'text', role: 'heading', level: 2, text: 'What they signed', marks: [{ start: 10, end: 16, type: 'emphasis' }] });
    expect(blocks[1]).toEqual({
      kind: 'text', role: 'paragraph', text: 'Putin met Kim in Pyongyang.',
      marks: [{ start: 0, end: 5, type: 'strong' }, { start: 10, end: 13, type: 'link', href: 'https://news.example.com/people/kim' }, { start: 17, end: 26, type: 'emphasis' }],
    });
  });

  it('keeps a figure as one picture with its caption and credit, and a quote with its attribution', () => {
    expect(blocks[2]).toEqual({ kind: 'image', image: { url: 'https://img.example.com/a.jpg', width: 800, alt: 'Two men', caption: 'The signing.', credit: 'KCNA', renditions: [] } });
    expect(blocks[3]).toMatchObject({ kind: 'text', role: 'quote', text: 'We will stand together.', attribution: 'Kim Jong Un' });
  });

  it('flattens nested lists into the outer one and reads embeds as their post URLs, a tweet with its words and who posted it when', () => {
    expect(blocks.slice(4, 7).map((b) => b.kind === 'text' && [b.role, b.list, b.ordered, b.text])).toEqual([['item', 0, true, 'Arms'], ['item', 0, true, 'Food and fuel'], ['item', 0, true, 'Oil']]);
    expect(blocks[7]).toEqual({ kind: 'embed', embed: { provider: 'TWITTER', url: 'https://twitter.com/kcna/status/123', text: 'Kim greets Putin pic.twitter.com/x', attribution: 'KCNA (@kcna) June 19, 2024' } });
    expect(blocks[8]).toEqual({ kind: 'embed', embed: { provider: 'YOUTUBE', url: 'https://www.youtube.com/watch?v=abc123XYZ' } });
    // A tracking pixel is no picture.
    expect(blocks.slice(9)).toEqual([{ kind: 'text', role: 'paragraph', text: 'Tail.', marks: [] }]);
  });

  it('cuts text where htmlParagraphs cuts it, so a block and its paragraph are one string', () => {
    const texts = blocks.flatMap((b) => (b.kind === 'text' ? [b.text] : []));
    const paragraphs = htmlParagraphs(html);
    for (const t of texts) expect(paragraphs).toContain(t);
  });

  it('survives markup that is not well formed, and nesting too deep for recursion', () => {
    expect(htmlBlocks('<p><em>open <strong>never closed<li>item</p></ul>')).toEqual([
      { kind: 'text', role: 'paragraph', text: 'open never closed', marks: [{ start: 0, end: 17, type: 'emphasis' }, { start: 5, end: 17, type: 'strong' }] },
      expect.objectContaining({ text: 'item' }),
    ]);
    const deep = `${'<div>'.repeat(20_000)}<p>deep</p>${'</div>'.repeat(20_000)}`;
    expect(htmlBlocks(deep).map((b) => b.kind === 'text' && b.text)).toEqual(['deep']);
  });
});
