// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { readFileSync, existsSync } from 'node:fs';

// SITE and BASE make the build deployable anywhere: a custom domain (`BASE=/`) or a
// GitHub Pages project site (`SITE=https://<user>.github.io BASE=/<repo>/`).
const site = process.env.SITE ?? 'https://ai-kb.example.org';
const base = process.env.BASE ?? '/';

// Written by the ingest (src/pipeline/permalinks.ts): renamed topics and alias URLs.
const redirectsFile = new URL('./content/redirects.json', import.meta.url);
const redirectTargets = existsSync(redirectsFile) ? JSON.parse(readFileSync(redirectsFile, 'utf8')) : {};
// Targets are base-less site paths; Astro applies `base` to the source paths only.
const redirects = Object.fromEntries(
  Object.entries(redirectTargets).map(([from, to]) => [from, to.startsWith('/') ? base.replace(/\/$/, '') + to : to]),
);

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  redirects,
  build: { format: 'directory' },
  // Topic entries are MDX written by people; they may use math. Sätteri (the default
  // processor) ignores remark/rehype plugins, so MDX gets the unified processor.
  markdown: {
    processor: unified({ remarkPlugins: [remarkMath], rehypePlugins: [rehypeKatex], smartypants: false }),
  },
  integrations: [mdx()],
  devToolbar: { enabled: false },
});
