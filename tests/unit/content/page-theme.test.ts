import { describe, expect, it } from 'vitest';
import { chooseTheme, parseCssColor, relativeLuminance } from '../../../src/content/page-theme';

describe('parseCssColor', () => {
  it('reads the forms getComputedStyle returns', () => {
    expect(parseCssColor('rgb(18, 20, 22)')).toEqual({ r: 18, g: 20, b: 22, a: 1 });
    expect(parseCssColor('rgba(0, 0, 0, 0)')).toEqual({ r: 0, g: 0, b: 0, a: 0 });
    expect(parseCssColor('rgb(255 255 255 / 50%)')).toEqual({ r: 255, g: 255, b: 255, a: 0.5 });
  });

  it('gives null for colours it cannot place in sRGB', () => {
    expect(parseCssColor('color(display-p3 1 0 0)')).toBeNull();
    expect(parseCssColor('transparent')).toBeNull();
  });
});

describe('chooseTheme', () => {
  const white = { r: 255, g: 255, b: 255, a: 1 };
  const nearBlack = { r: 18, g: 20, b: 22, a: 1 };

  it('follows a page that paints a dark or a light background, whatever the reader prefers', () => {
    expect(chooseTheme([nearBlack], false)).toBe('dark');
    expect(chooseTheme([white], true)).toBe('light');
  });

  it('follows the reader when the page paints nothing opaque', () => {
    expect(chooseTheme([], true)).toBe('dark');
    expect(chooseTheme([], false)).toBe('light');
    expect(chooseTheme([{ r: 0, g: 0, b: 0, a: 0.2 }], false)).toBe('light');
  });

  it('composites translucent layers over the first opaque one', () => {
    // A 90 % black overlay on a white page reads dark.
    expect(chooseTheme([{ r: 0, g: 0, b: 0, a: 0.9 }, white], false)).toBe('dark');
    // A 10 % black tint on white stays light.
    expect(chooseTheme([{ r: 0, g: 0, b: 0, a: 0.1 }, white], true)).toBe('light');
  });

  it('puts mid greys on the side that gives text more contrast', () => {
    expect(relativeLuminance({ r: 119, g: 119, b: 119, a: 1 })).toBeCloseTo(0.184, 2);
    expect(chooseTheme([{ r: 90, g: 90, b: 90, a: 1 }], false)).toBe('dark');
    expect(chooseTheme([{ r: 160, g: 160, b: 160, a: 1 }], true)).toBe('light');
  });
});
