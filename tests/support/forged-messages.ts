/**
 * Messages the background must refuse, whoever sends them: shared by the forged-message tests in
 * Chromium (forged-messages.test.ts) and Firefox (forged-messages-firefox.test.ts). The tests
 * mock src/browser (messages.ts imports the extension API, which Node has not).
 */
import { MAX_BLOCK_CHARS, MAX_BLOCKS, MAX_TOTAL_CHARS } from '../../src/messages';

/** Envelopes that must never be answered, whoever sends them. */
export const MALFORMED: Array<[string, unknown]> = [
  ['not an object', 'spot'],
  ['null', null],
  ['another app', { app: 'other', name: 'getStatus', request: null }],
  ['unknown name', { app: 'backstory', name: 'deleteEverything', request: null }],
  ['prototype name __proto__', { app: 'backstory', name: '__proto__', request: null }],
  ['prototype name constructor', { app: 'backstory', name: 'constructor', request: null }],
  ['prototype name toString', { app: 'backstory', name: 'toString', request: null }],
  ['name not a string', { app: 'backstory', name: ['spot'], request: { blocks: [] } }],
  ['spot without blocks', { app: 'backstory', name: 'spot', request: {} }],
  ['spot blocks not an array', { app: 'backstory', name: 'spot', request: { blocks: 'France' } }],
  ['spot block text not a string', { app: 'backstory', name: 'spot', request: { blocks: [{ text: 5 }] } }],
  ['spot with an extra key', { app: 'backstory', name: 'spot', request: { blocks: [], evil: true } }],
  ['getStatus with a payload', { app: 'backstory', name: 'getStatus', request: { all: true } }],
];

/** Oversize spot requests, built in the sender to keep them out of the protocol between test and browser. */
export const OVERSIZE = {
  tooManyBlocks: MAX_BLOCKS + 1,
  blockTooLong: MAX_BLOCK_CHARS + 1,
  tooMuchText: Math.ceil(MAX_TOTAL_CHARS / MAX_BLOCK_CHARS) + 1,
  blockChars: MAX_BLOCK_CHARS,
};
