import { useT } from '../i18n/i18n.js';
import type { CreatedToken } from '../lib/api-types.js';
import { ShownOnce } from './shown-once.js';

/** The secret of a new token, shown once, with a copy button and a warning. */
export function TokenSecret({ token, onDone }: { token: CreatedToken; onDone: () => void }) {
  const { t } = useT();
  return (
    <ShownOnce
      id="token-secret"
      title={t('tokens.secretTitle', { name: token.name })}
      warning={t('tokens.secretWarning')}
      label={t('tokens.secretLabel')}
      value={token.token}
      doneLabel={t('tokens.secretDone')}
      onDone={onDone}
    />
  );
}
