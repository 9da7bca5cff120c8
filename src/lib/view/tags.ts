/**
 * Tags get pages at `tagPath(tag)` (src/lib/urls.ts: lower-cased, URI-encoded).
 * A tag containing `/` cannot be one path segment on a static host (`%2F` is not
 * decoded into a folder), so such tags are shown as plain text without a page.
 */
// A tag page is a folder named after the tag: no path separators, URL delimiters,
// control characters, or names a file system refuses (over 255 bytes).
export const canLinkTag = (tag: string) =>
  tag.trim() !== '' && tag !== '.' && tag !== '..' && !/[/\\?#%\p{Cc}]/u.test(tag) && new TextEncoder().encode(tag.toLowerCase()).length <= 200;

/** Tag pages are case-insensitive: the key is the lower-cased tag. */
export const tagKey = (tag: string) => tag.toLowerCase();
