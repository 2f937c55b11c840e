import { useEffect, useId, useRef, useState } from 'react';
import type { Methodology } from '../../../schema/risks/methodology.schema.js';
import { useT } from '../../i18n/i18n.js';
import { useStartingSet } from './methodology-api.js';
import { Button } from '../../ui/button.js';

/**
 * "Start again from a starting methodology": pick one of the shipped methodologies and, after confirming, it
 * replaces the structured method of the draft being edited (the summary text is not touched; nothing is saved yet).
 */
export function StartingPicker({ org, onPick }: { org: string; onPick: (m: Methodology, name: string) => void }) {
  const { t } = useT();
  const id = useId();
  const set = useStartingSet(org);
  const [key, setKey] = useState('');
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const items = set.data ?? [];
  const chosen = items.find((i) => i.key === key);

  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);
  const cancel = () => {
    setAsking(false);
    requestAnimationFrame(() => openerRef.current?.focus());
  };

  return (
    <div className="mx-start field">
      <label htmlFor={`${id}-select`}>{t('riskMethodology.start.label')}</label>
      <div className="mx-start__row">
        <select
          id={`${id}-select`}
          aria-describedby={`${id}-help`}
          value={key}
          disabled={asking || items.length === 0}
          onChange={(e) => setKey(e.target.value)}
        >
          <option value="">
            {set.isPending ? t('riskMethodology.start.loading') : t('riskMethodology.start.choose')}
          </option>
          {items.map((i) => (
            <option key={i.key} value={i.key}>
              {i.name}
            </option>
          ))}
        </select>
        {asking && chosen ? (
          <span
            className="confirm"
            role="group"
            aria-label={t('riskMethodology.start.question', { name: chosen.name })}
          >
            <span className="confirm__question">{t('riskMethodology.start.question', { name: chosen.name })}</span>
            <Button
              ref={confirmRef}
              variant="danger"
              onClick={() => {
                onPick(structuredClone(chosen.methodology), chosen.name);
                setAsking(false);
                setKey('');
              }}
            >
              {t('riskMethodology.start.confirm')}
            </Button>
            <Button onClick={cancel} onKeyDown={(e) => e.key === 'Escape' && cancel()}>
              {t('common.cancel')}
            </Button>
          </span>
        ) : (
          <Button
            ref={openerRef}

            disabled={!chosen}
            onClick={() => setAsking(true)}
          >
            {t('riskMethodology.start.replace')}
          </Button>
        )}
      </div>
      <p className="field__help" id={`${id}-help`}>
        {t('riskMethodology.start.help')}
      </p>
    </div>
  );
}
