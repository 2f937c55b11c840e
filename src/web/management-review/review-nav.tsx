import type { ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import { managementReviewRegister } from '../../schema/management-review/management-review.register.js';
import { useT } from '../i18n/i18n.js';
import { useOrg } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { Breadcrumb } from '../components/breadcrumb.js';
import { useRegisterRecord, type RecordRead } from '../register/register-api.js';
import { PageHeader } from '../ui/page-header.js';
import { QueryState } from '../ui/query-state.js';
import './management-review.css';

export type Review = RecordRead<typeof managementReviewRegister.fields>;

/** Reviews › MR-003: the way back from a review's views. */
export function ReviewBreadcrumb({ org, current }: { org: string; current?: string | undefined }) {
  const { td } = useT();
  return (
    <Breadcrumb
      parent={
        <Link to="/o/$org/management-reviews" params={{ org }}>
          {td('management-reviews.title')}
        </Link>
      }
      current={current}
    />
  );
}

const VIEWS = ['overview', 'inputs', 'decisions', 'minutes'] as const;
export type ReviewView = (typeof VIEWS)[number];

/**
 * The review's views as tabs that are links (each has its own address, so a view can be shared and the minutes'
 * own tabs keep theirs): the register fields and attendance, the inputs a–g, the decisions, the minutes.
 */
export function ReviewNav({ org, id, current }: { org: string; id: string; current: ReviewView }) {
  const { t } = useT();
  const to = {
    overview: '/o/$org/management-reviews/$id',
    inputs: '/o/$org/management-reviews/$id/inputs',
    decisions: '/o/$org/management-reviews/$id/decisions',
    minutes: '/o/$org/management-reviews/$id/minutes',
  } as const;
  return (
    <nav aria-label={t('mr.nav.label')} className="mr-nav">
      <ul>
        {VIEWS.map((v) => (
          <li key={v}>
            <Link
              to={to[v]}
              params={{ org, id }}
              aria-current={v === current ? 'page' : undefined}
              className={v === current ? 'mr-nav__link mr-nav__link--current' : 'mr-nav__link'}
            >
              {t(`mr.nav.${v}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function ReviewStatusBadge({ status }: { status: Review['status'] }) {
  const { td } = useT();
  const s = status ?? 'planned';
  return <span className={`badge mr-status mr-status--${s}`}>{td(`management-reviews.status.${s}`)}</span>;
}

/** The frame of the inputs and decisions views: trail, the review's reference, title and status, the tabs. */
export function ReviewFrame({
  org,
  id,
  view,
  children,
}: {
  org: string;
  id: string;
  view: ReviewView;
  children: (review: Review) => ReactNode;
}) {
  const { t, td } = useT();
  const record = useRegisterRecord(org, managementReviewRegister, id);
  const data = record.data;
  useDocumentTitle(
    data ? `${data.ref} ${data.title} · ${t(`mr.nav.${view}`)}` : td('management-reviews.title'),
    useOrg(org).data?.name,
  );
  if (!data) {
    return (
      <section className="page">
        <ReviewBreadcrumb org={org} />
        <QueryState query={record}>{() => null}</QueryState>
      </section>
    );
  }
  return (
    <section className="page management-review" aria-labelledby="page-title">
      <PageHeader
        breadcrumb={<ReviewBreadcrumb org={org} current={data.ref} />}
        reference={data.ref}
        title={data.title}
        badges={<ReviewStatusBadge status={data.status} />}
      />
      <ReviewNav org={org} id={id} current={view} />
      {children(data)}
    </section>
  );
}
