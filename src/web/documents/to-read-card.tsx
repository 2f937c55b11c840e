import { Link } from '@tanstack/react-router';
import { useT } from '../i18n/i18n.js';
import { useCan } from '../lib/session.js';
import { useToRead } from './documents-api.js';
import './documents.css';
import { QueryState } from '../ui/query-state.js';

/** "Policies to read" on the home page: what was published to the member and still waits for their acknowledgement. */
export function ToReadCard({ org }: { org: string }) {
  const { t, td, formatDate } = useT();
  const can = useCan(org);
  const readable = can('document.read');
  const toRead = useToRead(org, readable);
  if (!readable) return null;
  const items = toRead.data?.items ?? [];
  return (
    <section className="card to-read" aria-labelledby="to-read-title">
      <h2 id="to-read-title" className="card__title">
        {t('documents.toRead.title')}
        {toRead.data && items.length ? <span className="badge">{items.length}</span> : null}
      </h2>
      <QueryState query={toRead} isEmpty={() => items.length === 0} empty={t('documents.toRead.none')}>
        {() => (
          <>
            <p className="muted">{t('documents.toRead.lead')}</p>
            <ul className="to-read__list">
              {items.map((i) => (
                <li key={i.id}>
                  <Link to="/o/$org/documents/$id" params={{ org, id: i.id }} search={{ v: String(i.versionNo) }}>
                    <span className="ref">{i.ref}</span> {i.title}
                  </Link>
                  <span className="to-read__meta muted">
                    {td(`documents.type.${i.type}`, undefined, i.type)} ·{' '}
                    {t('documents.toRead.version', { no: i.versionNo })}
                    {i.publishedOn ? (
                      <> · {t('documents.toRead.publishedOn', { date: formatDate(i.publishedOn) })}</>
                    ) : null}
                    {i.lastRemindedAt ? (
                      <>
                        {' '}
                        · <strong>{t('documents.toRead.reminded', { date: formatDate(i.lastRemindedAt) })}</strong>
                      </>
                    ) : null}
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
      </QueryState>
    </section>
  );
}
