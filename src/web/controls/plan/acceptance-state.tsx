import { useT } from '../../i18n/i18n.js';

/** The owner's acceptance as both the plan row and the treatment give it, in one shape. */
export interface AcceptanceInfo {
  kind: string;
  by: string;
  at: string;
  expiresOn: string | null;
  justification: string | null;
  state: 'valid' | 'outdated' | 'expired';
}

/**
 * Where the owner's acceptance stands, in words with a sign (never colour alone): accepted (within the criteria or
 * as a concession), the treatment changed since, expired, or not accepted.
 */
export function AcceptanceState({
  acceptance,
  compact = false,
}: {
  acceptance: AcceptanceInfo | null;
  compact?: boolean;
}) {
  const { t, formatDate } = useT();
  if (!acceptance) {
    return (
      <span className="accept-state accept-state--none">
        <span>
          <span aria-hidden="true">○ </span>
          {t('acceptance.state.none')}
        </span>
      </span>
    );
  }
  const when = formatDate(acceptance.at.slice(0, 10));
  const concession = acceptance.kind === 'concession';
  if (acceptance.state === 'outdated') {
    return (
      <span className="accept-state accept-state--warn">
        <span>
          <span aria-hidden="true">▲ </span>
          {t('acceptance.state.outdated')}
        </span>
        {compact ? null : (
          <span className="accept-state__detail">
            {t('acceptance.state.outdatedDetail', { by: acceptance.by, date: when })}
          </span>
        )}
      </span>
    );
  }
  if (acceptance.state === 'expired') {
    return (
      <span className="accept-state accept-state--warn">
        <span>
          <span aria-hidden="true">▲ </span>
          {t('acceptance.state.expired', { date: formatDate(acceptance.expiresOn) })}
        </span>
        {compact ? null : (
          <span className="accept-state__detail">{t('acceptance.state.by', { by: acceptance.by, date: when })}</span>
        )}
      </span>
    );
  }
  return (
    <span className={`accept-state ${concession ? 'accept-state--concession' : 'accept-state--ok'}`}>
      <span>
        <span aria-hidden="true">{concession ? '◆ ' : '✓ '}</span>
        {concession
          ? t('acceptance.state.concession', { by: acceptance.by, date: when })
          : t('acceptance.state.accepted', { by: acceptance.by, date: when })}
      </span>
      {!compact && concession && acceptance.justification ? (
        <span className="accept-state__detail">“{acceptance.justification}”</span>
      ) : null}
      {acceptance.expiresOn ? (
        <span className="accept-state__detail">
          {t('acceptance.state.reviewOn', { date: formatDate(acceptance.expiresOn) })}
        </span>
      ) : null}
    </span>
  );
}
