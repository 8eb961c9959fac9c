import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  fileUrls,
  isDownloadable,
  isValidMirror,
  originPattern,
  permissionOrigins,
  publisherOrigins,
  sourceById,
  SOURCES,
  storedName,
} from '../../../src/sources/registry';
import { REPO_ROOT } from '../../support/shared';

describe('source registry', () => {
  it('has unique ids, https publisher URLs and a page for every source', () => {
    expect(new Set(SOURCES.map((s) => s.id)).size).toBe(SOURCES.length);
    for (const source of SOURCES) {
      expect(source.page).toMatch(/^https:\/\//);
      for (const file of source.files) expect(file.url).toMatch(/^https:\/\/[^/]+\/.+/);
      if (isDownloadable(source)) expect(source.intervalHours).toBeGreaterThan(0);
    }
  });

  it('downloads all four OFAC files of each OFAC list together', () => {
    expect(sourceById('ofac-sdn')!.files.map((f) => f.name)).toEqual(['sdn.csv', 'alt.csv', 'add.csv', 'sdn_comments.csv']);
    expect(sourceById('ofac-cons')!.files.map((f) => f.name)).toEqual(['cons_prim.csv', 'cons_alt.csv', 'cons_add.csv', 'cons_comments.csv']);
  });

  it('words every source note in the message catalogue', () => {
    const catalogue = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, '_locales', 'en', 'messages.json'), 'utf8')) as Record<string, { message: string }>;
    const keys = SOURCES.flatMap((s) => (s.noteKey ? [s.noteKey] : []));
    expect(keys).toEqual(['sourceNoteUkHmt', 'sourceNoteOpenSanctions', 'sourceNoteSipri']);
    for (const key of keys) expect(catalogue[key]?.message).toMatch(/\w+/);
  });

  it('marks SIPRI import-only', () => {
    expect(isDownloadable(sourceById('sipri')!)).toBe(false);
  });

  it('joins a mirror base with the publisher file names', () => {
    const ofac = sourceById('ofac-sdn')!;
    expect(fileUrls(ofac, 'http://127.0.0.1:8080/lists/ofac').map((f) => f.url)).toEqual([
      'http://127.0.0.1:8080/lists/ofac/sdn.csv',
      'http://127.0.0.1:8080/lists/ofac/alt.csv',
      'http://127.0.0.1:8080/lists/ofac/add.csv',
      'http://127.0.0.1:8080/lists/ofac/sdn_comments.csv',
    ]);
    expect(fileUrls(ofac)[0]!.url).toBe(ofac.files[0]!.url);
    expect(storedName(ofac, 'alt.csv')).toBe('ofac-sdn/alt.csv');
  });

  it('asks for the mirror origin only when a mirror is set, and for redirect hosts otherwise', () => {
    const ofac = sourceById('ofac-sdn')!;
    expect(permissionOrigins(ofac, 'https://mirror.example/x/')).toEqual(['https://mirror.example/*']);
    expect(permissionOrigins(ofac)).toEqual(['https://www.treasury.gov/*', 'https://sanctionslistservice.ofac.treas.gov/*']);
    expect(originPattern('http://127.0.0.1:9999/a/b.csv')).toBe('http://127.0.0.1/*');
  });

  it('lists exactly the publisher origins as optional host permissions in the manifest', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'manifest.json'), 'utf8')) as { optional_host_permissions: string[]; host_permissions?: string[] };
    expect([...manifest.optional_host_permissions].sort()).toEqual(publisherOrigins());
    expect(manifest.host_permissions ?? []).toEqual([]);
  });

  it('accepts only plain http(s) mirrors', () => {
    expect(isValidMirror('https://mirror.example/lists/')).toBe(true);
    expect(isValidMirror('http://127.0.0.1:8080/')).toBe(true);
    expect(isValidMirror('ftp://mirror.example/')).toBe(false);
    expect(isValidMirror('https://user:pw@mirror.example/')).toBe(false);
    expect(isValidMirror('javascript:alert(1)')).toBe(false);
    expect(isValidMirror('')).toBe(false);
  });
});
