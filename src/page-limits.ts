/**
 * Marks a page holds at most. Past this, mentions are counted but not marked: no reader uses more,
 * and each mark is DOM and script objects the page keeps; on a page of a million words the full
 * 190,000 marks made garbage collection pause the page for over 100 ms at a time. In a module of
 * its own, free of browser APIs, because the content script applies it and the popup words it.
 */
export const MAX_MARKS_PER_PAGE = 10_000;
