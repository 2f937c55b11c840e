import { Link } from '@tanstack/react-router';
import { partyFeedbackRegister } from '../../schema/management-review/party-feedback.register.js';
import { useT } from '../i18n/i18n.js';
import { RegisterDetailPage, RegisterEditPage, RegisterListPage, RegisterNewPage } from '../register/register-pages.js';

/** The generic pages build `/o/$org/<path>`; their path type names the context registers only (see risk-paths). */
export const FEEDBACK_PATH = 'party-feedback';

/**
 * Feedback from interested parties (27001 9.3.2 e; 27003 9.3 d): complaints, requests for change and suggestions,
 * each recorded as what it is, with the answer given; the management review's input e is compiled from it.
 */
export function PartyFeedbackPage() {
  const { t } = useT();
  return (
    <RegisterListPage
      register={partyFeedbackRegister}
      path={FEEDBACK_PATH}
      quickFilters={[
        { id: 'complaints', label: t('feedback.quick.complaints'), params: { kind: 'complaint' } },
        { id: 'open', label: t('feedback.quick.open'), params: { status: 'received,in_progress' } },
        { id: 'mine', label: t('feedback.quick.mine'), params: { ownerId: 'me' } },
      ]}
      emptyState={({ org, canCreate }) => (
        <>
          <h2>{t('feedback.empty.title')}</h2>
          <p>{t('feedback.empty.intro')}</p>
          <ul className="checklist">
            <li>{t('feedback.empty.complaints')}</li>
            <li>{t('feedback.empty.requests')}</li>
            <li>{t('feedback.empty.review')}</li>
          </ul>
          {canCreate ? (
            <p>
              <Link to="/o/$org/party-feedback/new" params={{ org }} className="button button--primary">
                {t('party-feedback.new')}
              </Link>
            </p>
          ) : null}
        </>
      )}
    />
  );
}

export const PartyFeedbackNewPage = () => <RegisterNewPage register={partyFeedbackRegister} path={FEEDBACK_PATH} />;
export const PartyFeedbackEditPage = () => <RegisterEditPage register={partyFeedbackRegister} path={FEEDBACK_PATH} />;
export const PartyFeedbackDetailPage = () => (
  <RegisterDetailPage register={partyFeedbackRegister} path={FEEDBACK_PATH} />
);
