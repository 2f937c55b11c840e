import { useQuery } from '@tanstack/react-query';
import { signingKeySchema } from '../../schema/audit/signing-key.js';
import { useT } from '../i18n/i18n.js';
import { api } from '../lib/api-client.js';
import { QueryState } from '../ui/query-state.js';

/** The instance's public signing key: what auditors compare evidence packages and checkpoints with. */
export function SigningKeyCard() {
  const { t, formatDateTime } = useT();
  const key = useQuery({
    queryKey: ['instance', 'signing-key'],
    queryFn: async () => signingKeySchema.parse(await api.get<unknown>('/api/v1/instance/signing-key')),
  });
  return (
    <section className="card" aria-labelledby="signing-key-title">
      <h2 id="signing-key-title">{t('audit.signingKey')}</h2>
      <p className="muted">{t('audit.signingKeyHelp')}</p>
      <QueryState query={key}>
        {(data) => (
          <>
            <p>
              <strong>{t('audit.signingKeyFingerprint')}</strong>
              <br />
              <code data-testid="signing-key-fingerprint" style={{ overflowWrap: 'anywhere' }}>
                {data.fingerprint}
              </code>
            </p>
            <p>
              <strong>{t('audit.signingKeyPublic')}</strong>
            </p>
            <pre className="mono" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {data.publicKey.trim()}
            </pre>
            {data.formerKeys.length ? (
              <>
                <p>
                  <strong>{t('audit.signingKeyFormer')}</strong>
                </p>
                <ul>
                  {data.formerKeys.map((k) => (
                    <li key={k.fingerprint}>
                      <code style={{ overflowWrap: 'anywhere' }}>{k.fingerprint}</code> ({formatDateTime(k.firstUsedAt)}
                      )
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </>
        )}
      </QueryState>
    </section>
  );
}
