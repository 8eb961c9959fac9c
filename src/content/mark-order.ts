/**
 * The order the mark-to-mark shortcut (Alt+Shift+ArrowDown / ArrowUp) visits marks in: pure, over
 * indices, so it is unit-tested in Node; src/content/card-controller.ts supplies the DOM.
 */

/** Which way the shortcut moves. */
export type Step = 1 | -1;

/**
 * The mark the shortcut moves to: the first mark of the next (or previous) mention after
 * `current`; without a current mark, the first mention at or after `firstVisible` (or the last
 * one before it). A name split across elements ("<b>South</b> <i>Africa</i>") has several marks
 * and is one stop. Null when there is none in that direction.
 * @param mentionOf - for each mark in document order, a number shared by the marks of one mention
 * @param current - index of the focused mark, or -1
 * @param firstVisible - index of the first mark in the viewport (or mentionOf.length when none)
 */
export function nextMarkIndex(mentionOf: readonly number[], current: number, step: Step, firstVisible: number): number | null {
  const n = mentionOf.length;
  let index: number;
  if (current < 0) index = step === 1 ? firstVisible : firstVisible - 1;
  else {
    index = current + step;
    while (index >= 0 && index < n && mentionOf[index] === mentionOf[current]) index += step;
  }
  if (index < 0 || index >= n) return null;
  // Land on the first mark of the mention.
  while (index > 0 && mentionOf[index - 1] === mentionOf[index]) index--;
  return index;
}
