import { render } from 'preact';
import { afterEach, beforeEach } from 'vitest';

/**
 * For component tests under happy-dom: registers hooks that give each test a fresh <div> in the
 * document to render into (handed to `onCreated` before the test runs), then unmount whatever was
 * rendered there and remove the div after it, so no component, effect or listener outlives its test
 * and reaches into the next one.
 */
export function freshScratchPerTest(onCreated: (scratch: HTMLElement) => void): void {
  let scratch: HTMLElement;
  beforeEach(() => {
    scratch = document.createElement('div');
    document.body.append(scratch);
    onCreated(scratch);
  });
  afterEach(() => {
    render(null, scratch);
    scratch.remove();
  });
}
