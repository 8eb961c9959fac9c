/**
 * Which card theme suits the page under a mark. The card follows the page's own background where
 * the page paints one (a dark news site gets the dark card even for a reader who prefers light, and
 * the other way round: the card must not glare out of, or vanish into, the page), and the reader's
 * prefers-color-scheme where the page paints nothing (then the browser's canvas follows that
 * preference, so the card matches what the reader sees).
 *
 * The colour parsing and the choice are pure (unit-tested in Node); `pageThemeAt` is the DOM part.
 */

/** An sRGB colour with alpha, channels 0–255, alpha 0–1. */
export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

export type CardTheme = 'light' | 'dark';

/**
 * Reads a computed CSS colour: "rgb(r, g, b)", "rgba(r, g, b, a)", or the space-separated
 * "rgb(r g b / a)" form. Null for anything else (computed styles use these forms for sRGB colours;
 * other colour spaces are left to the reader's preference).
 */
export function parseCssColor(text: string): Rgba | null {
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+)(%?))?\s*\)$/.exec(text.trim());
  if (!m) return null;
  const alpha = m[4] === undefined ? 1 : Number(m[4]) / (m[5] ? 100 : 1);
  return { r: Number(m[1]), g: Number(m[2]), b: Number(m[3]), a: alpha };
}

/** WCAG relative luminance (0 black … 1 white) of an opaque sRGB colour. */
export function relativeLuminance({ r, g, b }: Rgba): number {
  const linear = (channel: number): number => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/**
 * The card's theme from the backgrounds found from the mark outwards (innermost first) and the
 * reader's preference. Layers are composited until one is opaque; a page that paints nothing
 * opaque leaves the choice to the preference. Dark below luminance 0.18: about where white text
 * starts to contrast better than black (the crossover of the two WCAG contrast ratios).
 */
export function chooseTheme(backgrounds: readonly Rgba[], prefersDark: boolean): CardTheme {
  let colour: Rgba | null = null;
  // Composite from the outermost opaque layer inwards.
  const firstOpaque = backgrounds.findIndex((bg) => bg.a >= 0.999);
  if (firstOpaque < 0) return prefersDark ? 'dark' : 'light';
  colour = { ...backgrounds[firstOpaque]! };
  for (let i = firstOpaque - 1; i >= 0; i--) {
    const top = backgrounds[i]!;
    if (top.a <= 0) continue;
    colour = {
      r: top.r * top.a + colour.r * (1 - top.a),
      g: top.g * top.a + colour.g * (1 - top.a),
      b: top.b * top.a + colour.b * (1 - top.a),
      a: 1,
    };
  }
  return relativeLuminance(colour) < 0.18 ? 'dark' : 'light';
}

/** The theme for a card opened on `element`: its backgrounds up to the root, and the preference. */
export function pageThemeAt(element: Element): CardTheme {
  const view = element.ownerDocument.defaultView;
  if (!view) return 'light';
  const backgrounds: Rgba[] = [];
  for (let node: Element | null = element; node; node = node.parentElement ?? hostOf(node)) {
    const colour = parseCssColor(view.getComputedStyle(node).backgroundColor);
    if (colour && colour.a > 0) {
      backgrounds.push(colour);
      if (colour.a >= 0.999) break;
    }
  }
  return chooseTheme(backgrounds, view.matchMedia('(prefers-color-scheme: dark)').matches);
}

/** A mark inside a page's own shadow root: continue with the root's host. */
function hostOf(node: Element): Element | null {
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}
