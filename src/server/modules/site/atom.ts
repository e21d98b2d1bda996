import type { NewsRow } from "./news.service.ts";

/** Characters XML 1.0 cannot carry at all (C0 controls but tab, newline, return; U+FFFE, U+FFFF). */
const xmlCharacter = (c: string) => {
  const code = c.charCodeAt(0);
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code !== 0xfffe && code !== 0xffff);
};

const escapeXml = (text: string) =>
  [...text]
    .filter(xmlCharacter)
    .join("")
    .replace(
      /[<>&"']/g,
      (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c] as string,
    );

/**
 * The published news as an Atom 1.0 feed (RFC 4287): the feed's id, title, updated, self and
 * alternate links, and per entry its id (a urn:uuid), title, published/updated, author, link to
 * the news page, its categories (tags) and the text.
 */
export function newsFeed(items: NewsRow[], publicUrl: string): string {
  const base = publicUrl.replace(/\/+$/, "");
  const updated = items.reduce<Date>(
    (latest, n) => (n.updatedAt > latest ? n.updatedAt : latest),
    items[0]?.updatedAt ?? new Date(0),
  );
  const entries = items.map((n) => {
    const link = `${base}/nyheter/${n.id}`;
    const categories = n.tags.map((tag) => `    <category term="${escapeXml(tag)}"/>`).join("\n");
    return [
      "  <entry>",
      `    <id>urn:uuid:${n.id}</id>`,
      `    <title>${escapeXml(n.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(link)}"/>`,
      `    <published>${(n.publishedAt ?? n.createdAt).toISOString()}</published>`,
      `    <updated>${n.updatedAt.toISOString()}</updated>`,
      `    <author><name>${escapeXml(n.authorName)}</name></author>`,
      categories,
      `    <content type="text">${escapeXml(n.text)}</content>`,
      "  </entry>",
    ]
      .filter(Boolean)
      .join("\n");
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="sv">',
    `  <id>${escapeXml(`${base}/nyheter`)}</id>`,
    "  <title>Samspel – nyheter</title>",
    `  <updated>${updated.toISOString()}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(`${base}/api/public/news.atom`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(`${base}/nyheter`)}"/>`,
    "  <author><name>Samspel</name></author>",
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}
