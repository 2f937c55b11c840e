import { Link, getRouteApi } from '@tanstack/react-router';
import {
  managementReviewRegister,
  reviewDecisionRegister,
  reviewMinutesVersioned,
} from '../../schema/management-review/management-review.register.js';
import { REVIEW_INPUT_LETTERS } from '../../schema/management-review/review-inputs.schema.js';
import { useT } from '../i18n/i18n.js';
import { useMemberNames } from '../lib/members.js';
import { useSession } from '../lib/session.js';
import { useRegisterList, useRegisterRecord } from '../register/register-api.js';
import { VersionedDocumentPage } from '../versioning/versioned-document-page.js';
import { useVersion, useVersions } from '../versioning/versioned-api.js';
import { draftDecisionsStale, unansweredInputs } from './decision-coverage.js';
import { ReviewBreadcrumb, ReviewNav } from './review-nav.js';
import { COMMENTARY_SECTIONS } from './minutes-sections.js';

const route = getRouteApi('/o/$org/management-reviews/$id/minutes');

/**
 * The minutes (27001 9.3.3): the review's versions — attendance, the frozen inputs, the commentary and discussion,
 * the decisions, the conclusions — drafted, approved by the chair alone, compared, exported as DOCX/PDF.
 */
export function MinutesPage() {
  const { org, id } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const me = useSession()?.user.id;
  return (
    <VersionedDocumentPage
      org={org}
      id={id}
      register={managementReviewRegister}
      def={reviewMinutesVersioned}
      search={search}
      onSearch={(next) => void navigate({ search: next })}
      breadcrumb={(ref) => (
        <>
          <ReviewBreadcrumb org={org} current={ref} />
          <ReviewNav org={org} id={id} current="minutes" />
        </>
      )}
      // the server's rule: only the chair signs the minutes; nobody else is offered to (the banner says why)
      presentation={(record) => ({ approvable: !!me && record.chairId === me, shownWithin: COMMENTARY_SECTIONS })}
      headerFields={['status', 'chairId', 'plannedDate', 'heldOn']}
      banner={<MinutesBanner org={org} id={id} me={me} />}
    />
  );
}

/** Why approving is (not) offered, and the inputs no decision answers yet (the server would refuse with 409). */
function MinutesBanner({ org, id, me }: { org: string; id: string; me: string | undefined }) {
  const { t } = useT();
  const names = useMemberNames(org);
  // the query the document page reads already (cached): no second request
  const review = useRegisterRecord(org, managementReviewRegister, id).data;
  const decisions = useRegisterList(org, reviewDecisionRegister, { reviewId: id, pageSize: '200' });
  // the latest version, as the document page reads it (same queries, cached)
  const versions = useVersions(org, managementReviewRegister, id);
  const latestNo = versions.data?.items[0]?.versionNo;
  const latest = useVersion(org, managementReviewRegister, id, latestNo).data;
  if (!review) return null;
  const stale =
    latest?.state === 'draft' && decisions.data
      ? draftDecisionsStale(latest.content.decisions, decisions.data.items)
      : false;
  const missing = decisions.data ? unansweredInputs(decisions.data.items) : [];
  const approved = review.approvedVersion !== null && review.approvedVersion !== undefined;
  const chair = review.chairId ? (names.get(review.chairId) ?? t('common.unknownMember')) : null;
  return (
    <div className="mr-minutes-banner">
      {!chair ? (
        <p className="alert alert--warning">
          <span aria-hidden="true">⚠ </span>
          {t('mr.minutes.noChair')}{' '}
          <Link to="/o/$org/management-reviews/$id/edit" params={{ org, id }}>
            {t('mr.minutes.setChair')}
          </Link>
        </p>
      ) : review.chairId !== me ? (
        <p className="alert alert--info">{t('mr.minutes.chairOnly', { name: chair })}</p>
      ) : null}
      {stale ? (
        <p className="alert alert--warning">
          <span aria-hidden="true">⚠ </span>
          {t('mr.minutes.staleDecisions', { no: latest?.versionNo ?? 0 })}
        </p>
      ) : null}
      {missing.length && !approved ? (
        <p className="alert alert--warning">
          <span aria-hidden="true">⚠ </span>
          {t('mr.minutes.unanswered', { inputs: missing.map((k) => REVIEW_INPUT_LETTERS[k]).join(', ') })}{' '}
          <Link to="/o/$org/management-reviews/$id/decisions" params={{ org, id }}>
            {t('mr.nav.decisions')}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
