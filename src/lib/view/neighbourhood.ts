/**
 * Layout of a topic's neighbourhood graph: the topic in the centre, up to eight
 * neighbours (typed relations first, then co-occurrence) on an ellipse around
 * it, in a fixed order at fixed angles, so the same data always draws the same
 * picture. Rendered as static SVG (src/components/TopicGraph.astro): no JS.
 */

export interface GraphNeighbour {
  ref: string;
  name: string;
  kind: string;
  /** Korean label of the link: a relation (`사용`) or `함께 언급`. */
  label: string;
  typed: boolean;
}

export interface PlacedNode extends GraphNeighbour {
  x: number;
  y: number;
  /** Box size around the label. */
  w: number;
  h: number;
  text: string;
}

/** Two shapes: wide (an ellipse) and narrow (two columns above and below the centre, for phones), chosen by CSS. */
export const GRAPH_SHAPES = {
  wide: { w: 640, h: 400, maxLabel: 18, columns: false },
  narrow: { w: 360, h: 520, maxLabel: 12, columns: true },
} as const;
export type GraphShape = keyof typeof GRAPH_SHAPES;
const FONT = 15;
const MAX_LABEL = 18;

/** Approximate advance of a label at `size` px: enough to size boxes without measuring fonts. */
export function textWidth(text: string, size = FONT): number {
  let em = 0;
  for (const ch of text) {
    if (/[\u1100-\u11ff\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]/.test(ch)) em += 1;
    else if (ch === ' ') em += 0.3;
    else if (/[A-Z0-9]/.test(ch)) em += 0.64;
    else if (/[il.,'|:;!]/.test(ch)) em += 0.3;
    else em += 0.56;
  }
  return em * size;
}

export function clipLabel(text: string, max = MAX_LABEL): string {
  const chars = [...text];
  return chars.length <= max ? text : chars.slice(0, max - 1).join('').trimEnd() + '…';
}

/** Neighbours: typed relations first (in their given order), then related topics, each topic once, at most `limit`. */
export function pickNeighbours(typed: GraphNeighbour[], related: GraphNeighbour[], limit = 8): GraphNeighbour[] {
  const out: GraphNeighbour[] = [];
  const seen = new Set<string>();
  for (const n of [...typed, ...related]) {
    if (out.length >= limit) break;
    if (seen.has(n.ref)) continue;
    seen.add(n.ref);
    out.push(n);
  }
  return out;
}

export function layoutNeighbourhood(center: { name: string }, neighbours: GraphNeighbour[], shape: GraphShape = 'wide'): { center: PlacedNode; nodes: PlacedNode[] } {
  const { w: W, h: H, maxLabel, columns } = GRAPH_SHAPES[shape];
  const cx = W / 2;
  const cy = H / 2;
  // Neighbour boxes hold two lines (name, link label); the centre one line.
  // Labels are semi-bold: about 8 % wider than the estimate for regular text.
  const box = (text: string, size: number, lines: number) => ({ w: Math.round(textWidth(text, size) * 1.08 + 24), h: Math.round(size * 2 + (lines - 1) * 16) });
  const centerText = clipLabel(center.name, maxLabel + 4);
  const c = box(centerText, FONT + 2, 1);
  const placedCenter: PlacedNode = { ref: '', name: center.name, kind: '', label: '', typed: false, x: cx, y: cy, text: centerText, ...c };
  const n = neighbours.length;
  const nodes = neighbours.map((nb, i) => {
    const text = clipLabel(nb.name, maxLabel);
    const b = box(text, FONT, 2);
    if (columns) {
      // Narrow: two columns, rows above and below the centre (never level with it).
      const rows = Math.ceil(n / 2);
      const above = Math.ceil(rows / 2);
      const row = Math.floor(i / 2);
      const lone = i === n - 1 && n % 2 === 1;
      const x = lone ? cx : i % 2 === 0 ? Math.round(W * 0.26) : Math.round(W * 0.74);
      const y = row < above
        ? Math.round(40 + ((cy - 80 - 40) * (above === 1 ? 1 : row / (above - 1))))
        : Math.round(cy + 80 + ((H - 40 - cy - 80) * (rows - above === 1 ? 0 : (row - above) / (rows - above - 1))));
      return { ...nb, x, y, text, ...b };
    }
    // Wide: clockwise from the top on an ellipse.
    const angle = n === 2 ? Math.PI * i : -Math.PI / 2 + ((2 * Math.PI) / n) * i;
    const rx = W / 2 - b.w / 2 - 4;
    const ry = H / 2 - b.h / 2 - 6;
    const x = Math.round(cx + Math.cos(angle) * Math.min(rx, W * 0.4));
    const y = Math.round(cy + Math.sin(angle) * Math.min(ry, H * 0.4));
    return { ...nb, x, y, text, ...b };
  });
  return { center: placedCenter, nodes };
}
