import { describe, expect, it, vi } from 'vitest';

// messages.ts imports the polyfill seam, which refuses to load outside an extension.
vi.mock('../../src/browser', () => ({ default: {} }));
const { PAGE_ONLY_REQUESTS, REQUEST_VALIDATORS } = await import('../../src/messages');

describe('source requests', () => {
  it('accepts well-formed setSource and refreshNow requests only', () => {
    expect(REQUEST_VALIDATORS.setSource({ id: 'un', enabled: true, mirror: null })).toBe(true);
    expect(REQUEST_VALIDATORS.setSource({ id: 'un', enabled: true, mirror: 'https://mirror.example/' })).toBe(true);
    expect(REQUEST_VALIDATORS.setSource({ id: 'un', enabled: 'yes', mirror: null })).toBe(false);
    expect(REQUEST_VALIDATORS.setSource({ id: 'un', enabled: true })).toBe(false);
    expect(REQUEST_VALIDATORS.setSource({ id: 'un', enabled: true, mirror: null, extra: 1 })).toBe(false);
    expect(REQUEST_VALIDATORS.refreshNow({ id: null })).toBe(true);
    expect(REQUEST_VALIDATORS.refreshNow({ id: 'un' })).toBe(true);
    expect(REQUEST_VALIDATORS.refreshNow({ id: 7 })).toBe(false);
    expect(REQUEST_VALIDATORS.getSources(null)).toBe(true);
  });
  it('lets only extension pages change sources or start downloads', () => {
    for (const name of ['getSources', 'setSource', 'refreshNow'] as const) expect(PAGE_ONLY_REQUESTS.has(name)).toBe(true);
  });
});
