/**
 * Content script entry.
 *
 *   settings ──► start / stop
 *   start: annotator (text-blocks → background spot → marks) ──► card-controller ⇄ card-host
 *   stop:  marks removed (DOM restored exactly), card host removed, listeners dropped
 *   popup ──listFound──► what this page names
 */
import browser, { type Runtime } from '../browser';
import type { FoundEntity } from '../messages';
import { isEnvelope, TAB_REQUEST_VALIDATORS } from '../messages';
import { isActiveOn, readSettings, watchSettings, type Settings } from '../settings';
import { annotate, type Annotation } from './annotator';
import { controlCard, type CardController } from './card-controller';
import { createCardHost, type CardHost } from './card-host';

interface Running {
  annotation: Annotation;
  host: CardHost;
  controller: CardController;
}

let running: Running | null = null;
/** Bumped on every start/stop, so a pass that finishes after a stop removes its own marks. */
let generation = 0;

async function start(): Promise<void> {
  const mine = ++generation;
  const annotation = await annotate(document.body ?? document.documentElement);
  if (mine !== generation) {
    annotation.marks.remove();
    return;
  }
  const host = createCardHost(document);
  const controller = controlCard(document, host, (id) => annotation.cards.get(id));
  running = { annotation, host, controller };
}

function stop(): void {
  generation++;
  if (!running) return;
  running.controller.destroy();
  running.host.destroy();
  running.annotation.marks.remove();
  running = null;
}

function apply(settings: Settings): void {
  const active = isActiveOn(settings, location.hostname);
  if (active && !running) void start();
  if (!active) stop();
}

function foundEntities(): FoundEntity[] {
  if (!running) return [];
  const { cards, counts } = running.annotation;
  return [...counts]
    .map(([id, count]) => {
      const card = cards.get(id);
      return { id, count, name: card?.name ?? id, kind: card?.kind ?? 'country' };
    })
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

// Not async: it answers only messages it owns, and leaves every other message unanswered.
browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  if (sender.id !== browser.runtime.id || !isEnvelope(message)) return undefined;
  if (message.name === 'listFound' && TAB_REQUEST_VALIDATORS.listFound(message.request)) {
    return Promise.resolve({ host: location.hostname, entities: foundEntities() });
  }
  return undefined;
});

watchSettings(apply);
void readSettings().then(apply);
