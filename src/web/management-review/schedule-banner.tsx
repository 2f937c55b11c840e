import { Link } from '@tanstack/react-router';
import type { ReviewSchedule } from '../../schema/management-review/management-review.register.js';
import { useT } from '../i18n/i18n.js';
import { useCan } from '../lib/session.js';
import { ErrorMessage } from '../components/status.js';
import { useReviewSchedule } from './review-api.js';
import { scheduleNotice } from './schedule-notice.js';

const TONE = { overdue: 'warning', dueSoon: 'warning', noneHeld: 'info', onTrack: 'info' } as const;
// a symbol as well as the colour, so the state reads without it
const SYMBOL = { overdue: '⚠', dueSoon: '⏰', noneHeld: 'ℹ', onTrack: '✓' } as const;

/** The schedule in one sentence with what to do: above the reviews' list, and (when something is due) on home. */
export function ScheduleMessage({ org, schedule }: { org: string; schedule: ReviewSchedule }) {
  const { t, formatDate } = useT();
  const can = useCan(org);
  const notice = scheduleNotice(schedule);
  const text =
    notice.kind === 'overdue'
      ? t('mr.schedule.overdue', { date: formatDate(notice.due) })
      : notice.kind === 'dueSoon'
        ? t('mr.schedule.dueSoon', { date: formatDate(notice.due) })
        : notice.kind === 'noneHeld'
          ? t('mr.schedule.noneHeld')
          : notice.due
            ? t('mr.schedule.onTrack', { date: formatDate(notice.due) })
            : t('mr.schedule.onTrackNoDate');
  const up = schedule.upcoming;
  return (
    <div className={`alert alert--${TONE[notice.kind]} mr-schedule`} role="status">
      <p>
        <span aria-hidden="true">{SYMBOL[notice.kind]} </span>
        <strong>{text}</strong>
      </p>
      {schedule.lastHeld ? (
        <p className="small">
          {t('mr.schedule.lastHeld', { date: formatDate(schedule.lastHeld.heldOn) })}{' '}
          <Link to="/o/$org/management-reviews/$id" params={{ org, id: schedule.lastHeld.id }}>
            {`${schedule.lastHeld.ref} ${schedule.lastHeld.title}`}
          </Link>
        </p>
      ) : null}
      {up ? (
        <p className="small">
          {t('mr.schedule.upcoming', { date: formatDate(up.plannedDate) })}{' '}
          <Link to="/o/$org/management-reviews/$id" params={{ org, id: up.id }}>
            {`${up.ref} ${up.title}`}
          </Link>
        </p>
      ) : notice.kind !== 'onTrack' && can('management_review.create') ? (
        <p>
          <Link to="/o/$org/management-reviews/new" params={{ org }} className="button button--primary button--small">
            {t('mr.schedule.plan')}
          </Link>
        </p>
      ) : null}
    </div>
  );
}

/** The banner above the list: always shown (on track says when the next one is due). */
export function ScheduleBanner({ org }: { org: string }) {
  const schedule = useReviewSchedule(org);
  if (schedule.isError) return <ErrorMessage error={schedule.error} onRetry={() => void schedule.refetch()} />;
  return schedule.data ? <ScheduleMessage org={org} schedule={schedule.data} /> : null;
}

/** Home: a reminder card, only while a review is due soon, overdue, or none was ever held nor planned. */
export function ReviewReminderCard({ org }: { org: string }) {
  const { t } = useT();
  const can = useCan(org);
  const schedule = useReviewSchedule(org, can('management_review.read'));
  if (!schedule.data || !scheduleNotice(schedule.data).remind) return null;
  return (
    <section className="card" aria-labelledby="review-reminder-title">
      <h2 id="review-reminder-title" className="card__title">
        {t('mr.reminder.title')}
      </h2>
      <ScheduleMessage org={org} schedule={schedule.data} />
    </section>
  );
}
