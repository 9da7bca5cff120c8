/**
 * JSON-LD for `<script type="application/ld+json">`. The payload goes in with
 * `set:html`, so every `<` is escaped: a title containing `</script>` must not
 * close the element. (`>` and `&` are harmless inside a script element; U+2028/9
 * are escaped for old JS parsers that read JSON-LD as script.)
 */
export function jsonLd(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
