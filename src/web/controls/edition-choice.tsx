import { useId } from 'react';
import type { UseMutationResult } from '@tanstack/react-query';
import { CONTROL_EDITIONS } from '../../schema/controls/treatment.schema.js';
import { useT } from '../i18n/i18n.js';
import { ErrorMessage } from '../components/status.js';
import { Button } from '../ui/button.js';
import type { ControlSettings } from '../../schema/controls/treatment.schema.js';
import type { Edition } from './controls-api.js';

interface Props {
  canChoose: boolean;
  choose: UseMutationResult<ControlSettings, Error, Edition>;
}

/** Before any control exists: what the Statement of Applicability is, and the choice of the Annex A edition. */
export function EditionChoice({ canChoose, choose }: Props) {
  const { t } = useT();
  const headingId = useId();
  return (
    <section className="empty-state edition-choice" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('controls.edition.title')}</h2>
      <p>{t('controls.edition.intro')}</p>
      <p>{t('controls.edition.how')}</p>
      {canChoose ? (
        <>
          <h3 className="edition-choice__question">{t('controls.edition.choose')}</h3>
          <ul className="edition-choice__options">
            {CONTROL_EDITIONS.map((edition) => (
              <EditionOption
                key={edition}
                edition={edition}
                recommended={edition === 'iso27001-2022'}
                busy={choose.isPending}
                onChoose={() => choose.mutate(edition)}
              />
            ))}
          </ul>
          <p className="muted small">
            {choose.isPending ? t('controls.edition.choosing') : t('controls.edition.once')}
          </p>
          {choose.isError ? <ErrorMessage error={choose.error} /> : null}
        </>
      ) : (
        <p className="muted">{t('controls.edition.readOnly')}</p>
      )}
    </section>
  );
}

function EditionOption({
  edition,
  recommended,
  busy,
  onChoose,
}: {
  edition: Edition;
  recommended: boolean;
  busy: boolean;
  onChoose: () => void;
}) {
  const { t, td } = useT();
  const helpId = useId();
  return (
    <li className={`edition-option${recommended ? ' edition-option--recommended' : ''}`}>
      <Button
        variant={recommended ? 'primary' : 'secondary'}
        aria-describedby={helpId}
        disabled={busy}
        onClick={onChoose}
      >
        {td(`controls.edition.${edition}`)}
      </Button>
      <p id={helpId} className="edition-option__help">
        {recommended ? <span className="badge badge--accent">{t('controls.edition.recommended')}</span> : null}{' '}
        {td(`controls.edition.help.${edition}`)}
      </p>
    </li>
  );
}
