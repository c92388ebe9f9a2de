import type { ItemSummary } from '../../../persistence/repositories/catalog-item.repository.ts';
import { escapeHtml } from '../html.ts';

/**
 * Feeds of new items — RSS 2.0, Atom 1.0 and JSON Feed 1.1 — and the sitemap (an index of id-range pages of at
 * most 50,000 URLs each). `base` is the public address (PUBLIC_URL); `suffix` carries ?agency= when needed.
 */
const xml = escapeHtml;
const rfc822 = (date: string) => new Date(`${date}T00:00:00+08:00`).toUTCString();
const iso = (date: string) => `${date}T00:00:00+08:00`;

export interface FeedInput {
  base: string;
  title: string;
  /** the link to the portal home, absolute */
  home: string;
  itemUrl: (id: number) => string;
  selfUrl: string;
  items: readonly ItemSummary[];
}

export function rssFeed(f: FeedInput): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>
<title>${xml(f.title)}</title><link>${xml(f.home)}</link><description>${xml(f.title)}</description><language>zh-CN</language>
<atom:link href="${xml(f.selfUrl)}" rel="self" type="application/rss+xml"/>
${f.items
  .map(
    (i) =>
      `<item><title>${xml(i.title)}</title><link>${xml(f.itemUrl(i.id))}</link><guid isPermaLink="true">${xml(f.itemUrl(i.id))}</guid>${
        i.publishedOn ? `<pubDate>${rfc822(i.publishedOn)}</pubDate>` : ''
      }<description>${xml(i.summary || i.title)}</description><category>${xml(i.categoryCode)}</category></item>`,
  )
  .join('\n')}
</channel></rss>
`;
}

export function atomFeed(f: FeedInput): string {
  const updated = f.items[0]?.publishedOn ? iso(f.items[0].publishedOn) : '1970-01-01T00:00:00Z';
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
<title>${xml(f.title)}</title><id>${xml(f.home)}</id><updated>${updated}</updated>
<link href="${xml(f.home)}"/><link rel="self" href="${xml(f.selfUrl)}"/>
${f.items
  .map(
    (i) =>
      `<entry><title>${xml(i.title)}</title><id>${xml(f.itemUrl(i.id))}</id><link href="${xml(f.itemUrl(i.id))}"/><updated>${
        i.publishedOn ? iso(i.publishedOn) : updated
      }</updated><author><name>${xml(i.publisher)}</name></author><summary>${xml(i.summary || i.title)}</summary></entry>`,
  )
  .join('\n')}
</feed>
`;
}

export function jsonFeed(f: FeedInput): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: f.title,
    home_page_url: f.home,
    feed_url: f.selfUrl,
    language: 'zh-CN',
    items: f.items.map((i) => ({
      id: f.itemUrl(i.id),
      url: f.itemUrl(i.id),
      title: i.title,
      summary: i.summary || undefined,
      content_text: i.summary || i.title,
      date_published: i.publishedOn ? iso(i.publishedOn) : undefined,
      authors: [{ name: i.publisher }],
      tags: [i.categoryCode],
      _gongkai: { indexNumber: i.indexNumber, docNumber: i.docNumber, writtenOn: i.writtenOn },
    })),
  });
}

export function sitemapIndex(urls: readonly string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.map((u) => `<sitemap><loc>${xml(u)}</loc></sitemap>`).join('\n')}
</sitemapindex>
`;
}

export function sitemap(entries: readonly { url: string; lastmod?: string }[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${entries.map((e) => `<url><loc>${xml(e.url)}</loc>${e.lastmod ? `<lastmod>${xml(e.lastmod.slice(0, 10))}</lastmod>` : ''}</url>`).join('\n')}
</urlset>
`;
}
