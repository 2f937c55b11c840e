import { Link } from '@tanstack/react-router';
import {
  managementReviewRegister,
  reviewMinutesVersioned,
} from '../../schema/management-review/management-review.register.js';
import { useT } from '../i18n/i18n.js';
import { useCan } from '../lib/session.js';
import { RegisterDetailPage, RegisterEditPage, RegisterListPage, RegisterNewPage } from '../register/register-pages.js';
import { AttendanceCard } from './attendance-card.js';
import { ReviewNav } from './review-nav.js';
import { useHistoryLabels } from '../versioning/history-labels.js';
import { ScheduleBanner } from './schedule-banner.js';

/** The generic pages build `/o/$org/<path>`; their path type names the context registers only (see risk-paths). */
export const REVIEWS_PATH = 'management-reviews';

/**
 * The management reviews (27001 9.3): when the next one is due (the banner), then the register of reviews with
 * their status (planned → held → approved minutes).
 */
export function ReviewsPage() {
  const { t } = useT();
  return (
    <RegisterListPage
      register={managementReviewRegister}
      path={REVIEWS_PATH}
      before={(org) => <ScheduleBanner org={org} />}
      quickFilters={[
        { id: 'planned', label: t('mr.quick.planned'), params: { status: 'planned' } },
        { id: 'held', label: t('mr.quick.held'), params: { status: 'held' } },
        { id: 'approved', label: t('mr.quick.approved'), params: { status: 'approved' } },
      ]}
      emptyState={({ org, canCreate }) => (
        <>
          <h2>{t('mr.empty.title')}</h2>
          <p>{t('mr.empty.intro')}</p>
          <ul className="checklist">
            <li>{t('mr.empty.plan')}</li>
            <li>{t('mr.empty.inputs')}</li>
            <li>{t('mr.empty.decide')}</li>
            <li>{t('mr.empty.minutes')}</li>
          </ul>
          {canCreate ? (
            <p>
              <Link to="/o/$org/management-reviews/new" params={{ org }} className="button button--primary">
                {t('management-reviews.new')}
              </Link>
            </p>
          ) : (
            <p className="muted">{t('mr.empty.readOnly')}</p>
          )}
        </>
      )}
    />
  );
}

export const ReviewNewPage = () => <RegisterNewPage register={managementReviewRegister} path={REVIEWS_PATH} />;
export const ReviewEditPage = () => <RegisterEditPage register={managementReviewRegister} path={REVIEWS_PATH} />;

/** Overview: the review's fields (the generic record page) with its tabs above and the attendance below. */
export function ReviewOverviewPage() {
  const historyLabels = useHistoryLabels(reviewMinutesVersioned);
  return (
    <RegisterDetailPage
      register={managementReviewRegister}
      path={REVIEWS_PATH}
      historyLabels={historyLabels}
      above={(org, record) => <ReviewNav org={org} id={record.id} current="overview" />}
      below={(org, id) => <ReviewAttendance org={org} id={id} />}
      // the unit's name matters only for a unit's review
      showField={(name, record) => name !== 'unitName' || record.level === 'unit'}
    />
  );
}

function ReviewAttendance({ org, id }: { org: string; id: string }) {
  const can = useCan(org);
  return <AttendanceCard org={org} id={id} canEdit={can('management_review.update')} />;
}
