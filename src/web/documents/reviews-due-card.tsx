import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useT } from '../i18n/i18n.js';
import { api, orgPath } from '../lib/api-client.js';
import { useCan } from '../lib/session.js';
import './documents.css';
import { QueryState } from '../ui/query-state.js';
import { recordPageSchemaOf } from '../register/register-api.js';
import { documentRegister } from '../../schema/documents/document.register.js';

const SHOWN = 10;
export const reviewsDueKey = (org: string) => ['org', org, 'documents', 'reviews-due'];

/**
 * "Documents to review" on the home page: the documents the member owns whose next review is within a month or
 * passed (7.5.3: kept suitable). Shown only when there is something to review, so it never crowds the home page.
 */
export function ReviewsDueCard({ org }: { org: string }) {
  const { t, formatDate } = useT();
  const can = useCan(org);
  const enabled = can('document.review');
  const due = useQuery({
    queryKey: reviewsDueKey(org),
    queryFn: () =>
      api.get(
        `${orgPath(org)}/documents?ownerId=me&review=due&sort=nextReviewDate&order=asc&pageSize=${SHOWN}`,
        recordPageSchemaOf(documentRegister),
      ),
    enabled,
  });
  if (!enabled || (due.isSuccess && due.data.total === 0)) return null;
  const today = new Date().toISOString().slice(0, 10);
  return (
    <section className="card to-read" aria-labelledby="reviews-due-title">
      <h2 id="reviews-due-title" className="card__title">
        {t('documents.reviewsDue.title')}
        {due.data ? <span className="badge">{due.data.total}</span> : null}
      </h2>
      <QueryState query={due}>
        {(data) => (
          <>
            <p className="muted">{t('documents.reviewsDue.lead')}</p>
            <ul className="to-read__list">
              {data.items.map((d) => {
                const date = d.nextReviewDate ?? '';
                return (
                  <li key={d.id}>
                    <Link to="/o/$org/documents/$id" params={{ org, id: d.id }}>
                      <span className="ref">{d.ref}</span> {d.title ?? ''}
                    </Link>
                    <span className="to-read__meta muted">
                      {date < today ? (
                        <strong>{t('documents.reviewsDue.overdue', { date: formatDate(date) })}</strong>
                      ) : (
                        t('documents.reviewsDue.due', { date: formatDate(date) })
                      )}
                    </span>
                  </li>
                );
              })}
            </ul>
            {data.total > SHOWN ? (
              <Link to="/o/$org/documents" params={{ org }} search={{ ownerId: 'me', review: 'due' }}>
                {t('documents.reviewsDue.all', { n: data.total })}
              </Link>
            ) : null}
          </>
        )}
      </QueryState>
    </section>
  );
}
