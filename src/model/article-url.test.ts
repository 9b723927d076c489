import { describe, expect, it } from 'vitest';
import { ARTICLE_URL_MAX, normalizeArticleUrl } from './article-url';

const CANONICAL = 'example.com/world/2024/06/putin-to-visit-north-korea';

describe('normalizeArticleUrl', () => {
  it.each([
    'https://www.example.com/world/2024/06/putin-to-visit-north-korea',
    'http://example.com/world/2024/06/putin-to-visit-north-korea/',
    'https://m.example.com/world/2024/06/putin-to-visit-north-korea',
    'https://mobile.example.com/world//2024/06/putin-to-visit-north-korea',
    'https://amp.example.com/world/2024/06/putin-to-visit-north-korea',
    'https://www.example.com/amp/world/2024/06/putin-to-visit-north-korea',
    'https://www.example.com/world/2024/06/putin-to-visit-north-korea/amp/',
    'https://www.example.com/world/2024/06/putin-to-visit-north-korea?amp=1',
    'https://www.example.com/world/2024/06/putin-to-visit-north-korea?outputType=amp',
    'https://www.example.com/world/2024/06/putin-to-visit-north-korea?utm_source=twitter&utm_medium=social&fbclid=x1',
    'https://www.example.com/world/2024/06/putin-to-visit-north-korea#comments',
    'HTTPS://WWW.EXAMPLE.COM/world/2024/06/putin-to-visit-north-korea',
    'https://www-example-com.cdn.ampproject.org/c/s/www.example.com/world/2024/06/putin-to-visit-north-korea',
    '  https://www.example.com:443/world/2024/06/putin-to-visit-north-korea  ',
  ])('%s is the canonical story', (url) => {
    expect(normalizeArticleUrl(url)).toBe(CANONICAL);
  });

  it('keeps the parameters that name a page, sorted, and the case of the path', () => {
    expect(normalizeArticleUrl('https://news.example.com/Article.aspx?id=42&utm_campaign=x&b=2')).toBe('news.example.com/Article.aspx?b=2&id=42');
    expect(normalizeArticleUrl('https://example.com/story.amp.html')).toBe('example.com/story.html');
    expect(normalizeArticleUrl('https://example.com:8080/a')).toBe('example.com:8080/a');
  });

  it('writes Devanagari paths one way, raw or percent-encoded in either case', () => {
    const raw = normalizeArticleUrl('https://www.example.in/समाचार/पुतिन');
    expect(raw).toBe(normalizeArticleUrl('https://example.in/%e0%a4%b8%e0%a4%ae%e0%a4%be%e0%a4%9a%e0%a4%be%e0%a4%b0/%E0%A4%AA%E0%A5%81%E0%A4%A4%E0%A4%BF%E0%A4%A8'));
    expect(raw).toMatch(/^example\.in\/%E0%A4%B8/);
  });

  it('drops an edition label only where a host of two labels remains', () => {
    expect(normalizeArticleUrl('https://www.example/a')).toBe('www.example/a');
    expect(normalizeArticleUrl('https://m.bbc.co.uk/news/1')).toBe('bbc.co.uk/news/1');
  });

  it.each(['', 'not a url', '/world/story', 'ftp://example.com/a', 'javascript:alert(1)', 'mailto:a@example.com', 'https://'])(
    '%j is not an article URL',
    (text) => {
      expect(normalizeArticleUrl(text)).toBeNull();
    },
  );

  it('keeps the form short enough for a KV key only by its length limit, which callers check', () => {
    const long = normalizeArticleUrl(`https://example.com/${'a'.repeat(ARTICLE_URL_MAX)}`)!;
    expect(long.length).toBeGreaterThan(ARTICLE_URL_MAX);
  });
});
