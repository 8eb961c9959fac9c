import type { EntityKind } from '../kb/model';
import { CARD_TRIGGERS, ENTITY_KINDS, type CardTrigger, type MarkingPreferences } from '../settings';
import { useT, type MessageKey } from '../ui/i18n';

export interface PreferencesProps {
  marking: MarkingPreferences;
  onChange: (next: MarkingPreferences) => void;
}

const KIND_KEYS: Record<EntityKind, MessageKey> = {
  person: 'prefsKindPerson',
  organisation: 'prefsKindOrganisation',
  vessel: 'prefsKindVessel',
  aircraft: 'prefsKindAircraft',
  country: 'prefsKindCountry',
};

const TRIGGER_KEYS: Record<CardTrigger, MessageKey> = {
  hover: 'prefsTriggerHover',
  click: 'prefsTriggerClick',
  modifier: 'prefsTriggerModifier',
};

/**
 * What is marked and how the card opens: kinds, how sure a match must be, first or every
 * mention, and the trigger. Every change is saved at once; pages follow through their settings
 * watcher.
 */
export function Preferences({ marking, onChange }: PreferencesProps) {
  const t = useT();
  const radio = <K extends 'matches' | 'mentions' | 'trigger'>(field: K, value: MarkingPreferences[K], label: MessageKey) => (
    <label class="choice">
      <input type="radio" name={field} value={value} checked={marking[field] === value} onChange={() => onChange({ ...marking, [field]: value })} />
      {t(label)}
    </label>
  );
  return (
    <section class="preferences" aria-labelledby="prefs-heading">
      <h2 id="prefs-heading">{t('prefsHeading')}</h2>
      <fieldset>
        <legend>{t('prefsKindsLegend')}</legend>
        {ENTITY_KINDS.map((kind) => (
          <label class="choice" key={kind}>
            <input
              type="checkbox"
              name="kind"
              value={kind}
              checked={marking.kinds[kind]}
              onChange={(e) => onChange({ ...marking, kinds: { ...marking.kinds, [kind]: e.currentTarget.checked } })}
            />
            {t(KIND_KEYS[kind])}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('prefsMatchesLegend')}</legend>
        {radio('matches', 'strong', 'prefsMatchesStrong')}
        {radio('matches', 'possible', 'prefsMatchesPossible')}
      </fieldset>
      <fieldset>
        <legend>{t('prefsMentionsLegend')}</legend>
        {radio('mentions', 'first', 'prefsMentionsFirst')}
        {radio('mentions', 'every', 'prefsMentionsEvery')}
      </fieldset>
      <fieldset aria-describedby="trigger-note">
        <legend>{t('prefsTriggerLegend')}</legend>
        {CARD_TRIGGERS.map((trigger) => radio('trigger', trigger, TRIGGER_KEYS[trigger]))}
        <p id="trigger-note" class="muted note">
          {t('prefsTriggerNote')}
        </p>
      </fieldset>
      <fieldset aria-describedby="unknown-note">
        <legend>{t('prefsUnknownLegend')}</legend>
        <label class="choice">
          <input type="checkbox" name="unknownNames" checked={marking.unknownNames} onChange={(e) => onChange({ ...marking, unknownNames: e.currentTarget.checked })} />
          {t('prefsUnknownNames')}
        </label>
        <p id="unknown-note" class="muted note">
          {t('prefsUnknownNote')}
        </p>
      </fieldset>
    </section>
  );
}
