import { useState, type FormEvent } from 'react';
import { REVIEW_OUTCOMES } from '../../schema/documents/documents.schema.js';
import { useT } from '../i18n/i18n.js';
import type { RegisterRecord } from '../lib/api-types.js';
import { useCan } from '../lib/session.js';
import { FormField } from '../ui/form-field.js';
import { ErrorMessage, LiveMessage } from '../components/status.js';
import { useDocumentMutations, useReviews } from './documents-api.js';
import { Button } from '../ui/button.js';
import { QueryState } from '../ui/query-state.js';

type Outcome = (typeof REVIEW_OUTCOMES)[number];

/**
 * Reviews (7.5.3: documents kept suitable): when the next one is due, the reviews so far, and recording one —
 * "no change needed" moves the next review one interval on; "revise" opens the next draft from the approved text.
 */
export function ReviewsCard({ org, record }: { org: string; record: RegisterRecord }) {
  const { t, td, formatDate } = useT();
  const can = useCan(org);
  const reviews = useReviews(org, record.id);
  const { review } = useDocumentMutations(org, record.id);
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>('no_change');
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | undefined>();
  const [done, setDone] = useState<string | null>(null);
  const status = String(record.status ?? 'draft');
  const reviewable = can('document.review') && !record.archivedAt && (status === 'published' || status === 'approved');
  const next = typeof record.nextReviewDate === 'string' ? record.nextReviewDate : null;
  const today = new Date().toISOString().slice(0, 10);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!note.trim()) {
      setNoteError(t('documents.review.noteRequired'));
      return;
    }
    await review.mutateAsync({ outcome, note: note.trim() });
    setOpen(false);
    setNote('');
    setDone(outcome === 'revise' ? t('documents.review.doneRevise') : t('documents.review.done'));
  };

  return (
    <section className="card" aria-labelledby="doc-reviews-title">
      <h2 id="doc-reviews-title" className="card__title">
        {t('documents.review.title')}
      </h2>
      <LiveMessage>{done}</LiveMessage>
      <p>
        {next ? (
          <>
            {t('documents.review.next', { date: formatDate(next) })}{' '}
            {next < today ? <span className="pill pill--review-overdue">{t('documents.review.overdue')}</span> : null}
          </>
        ) : (
          t('documents.review.noDate')
        )}
      </p>
      {reviewable ? (
        open ? (
          <form className="form doc-inline-form" onSubmit={(e) => void submit(e).catch(() => undefined)} noValidate>
            <fieldset>
              <legend>{t('documents.review.outcome')}</legend>
              {REVIEW_OUTCOMES.map((o) => (
                <label key={o} className="doc-radio">
                  <input type="radio" name="outcome" value={o} checked={outcome === o} onChange={() => setOutcome(o)} />{' '}
                  {td(`documents.review.outcome.${o}`)}
                </label>
              ))}
            </fieldset>
            <FormField
              label={t('documents.review.note')}
              help={t('documents.review.noteHelp')}
              error={noteError}
              required
            >
              <textarea
                rows={3}
                maxLength={4000}
                value={note}
                onChange={(e) => {
                  setNote(e.target.value);
                  setNoteError(undefined);
                }}
              />
            </FormField>
            {review.isError ? <ErrorMessage error={review.error} /> : null}
            <div className="form__actions">
              <Button type="submit" variant="primary" disabled={review.isPending}>
                {t('documents.review.record')}
              </Button>
              <Button onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
            </div>
          </form>
        ) : (
          <p>
            <Button
              size="small"
              onClick={() => {
                setDone(null);
                setOpen(true);
              }}
            >
              {t('documents.review.open')}
            </Button>
          </p>
        )
      ) : null}
      <QueryState query={reviews} empty={t('documents.review.none')}>
        {(data) => (
          <ul className="doc-reviews">
            {data.items.map((r) => (
              <li key={r.id} className="doc-reviews__item">
                <p className="doc-reviews__head">
                  <strong>{formatDate(r.reviewedOn)}</strong> ·{' '}
                  {td(`documents.review.outcome.${r.outcome}`, undefined, r.outcome)}
                  {r.versionNo ? <> · {t('documents.review.ofVersion', { no: r.versionNo })}</> : null}
                  {r.reviewerName ? <span className="muted"> · {r.reviewerName}</span> : null}
                </p>
                <p className="prewrap">{r.note}</p>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}
