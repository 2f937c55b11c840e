import { useState, type ReactNode } from 'react';
import { Link, getRouteApi } from '@tanstack/react-router';
import {
  managementReviewRegister,
  reviewDecisionRegister,
  reviewMinutesVersioned,
} from '../../schema/management-review/management-review.register.js';
import { reviewInputsSchema, type ReviewInputKey } from '../../schema/management-review/review-inputs.schema.js';
import { useT } from '../i18n/i18n.js';
import { isApiError } from '../lib/api-client.js';
import { useCan } from '../lib/session.js';
import { LiveMessage } from '../components/status.js';
import { Button } from '../ui/button.js';
import { TextArea } from '../ui/fields.js';
import { Form, FormFailureMessage } from '../ui/form.js';
import { QueryState } from '../ui/query-state.js';
import { useForm } from '../ui/use-form.js';
import { initialDraft, toDraftBody } from '../versioning/draft-form.js';
import { useVersion, useVersionMutations, useVersions, type Version } from '../versioning/versioned-api.js';
import { useRegisterList } from '../register/register-api.js';
import { unansweredInputs } from './decision-coverage.js';
import { useLiveInputs } from './review-api.js';
import { ReviewFrame } from './review-nav.js';
import { ReviewInputsView } from './review-inputs-view.js';

const route = getRouteApi('/o/$org/management-reviews/$id/inputs');
const def = reviewMinutesVersioned;

/**
 * The inputs a–g (27001 9.3.2). Before the minutes have a draft they are compiled live from the records; once a
 * draft is saved, the inputs are the draft's (compiled by the server at each save, frozen when approved). Beside
 * each input, under its heading, its commentary: the draft's `comment_<key>` text, saved through the versioned draft (the first
 * comment saved creates the draft, which freezes the inputs as of then).
 */
export function InputsPage() {
  const { org, id } = route.useParams();
  return (
    <ReviewFrame org={org} id={id} view="inputs">
      {(review) => <InputsBody org={org} id={id} archived={!!review.archivedAt} />}
    </ReviewFrame>
  );
}

function InputsBody({ org, id, archived }: { org: string; id: string; archived: boolean }) {
  const { t } = useT();
  const can = useCan(org);
  const versions = useVersions(org, managementReviewRegister, id);
  const latestNo = versions.data?.items[0]?.versionNo;
  const latest = useVersion(org, managementReviewRegister, id, latestNo);
  const live = useLiveInputs(org, id, versions.isSuccess && latestNo === undefined);
  const { save } = useVersionMutations(org, managementReviewRegister, id);
  const decisions = useRegisterList(org, reviewDecisionRegister, {
    reviewId: id,
    sort: 'ref',
    order: 'asc',
    pageSize: '200',
  });
  const [message, setMessage] = useState<string | null>(null);
  if (versions.isPending || versions.isError) return <QueryState query={versions}>{() => null}</QueryState>;
  const base = latestNo === undefined ? undefined : latest.data;
  if (latestNo !== undefined && !base) return <QueryState query={latest}>{() => null}</QueryState>;
  // commentary is written into a draft: none yet (the first save creates it) or the latest is one
  const editable = can('management_review.update') && !archived && (!base || base.state === 'draft');
  // the latest draft's content with one comment changed (or none: the server compiles the inputs again on save)
  const saveDraft = async (change: Record<string, string>, done: string) => {
    const values = initialDraft(def, base);
    Object.assign(values.content, change);
    const saved = await save.mutateAsync(toDraftBody(def, values, base));
    setMessage(t(done === 'comment' ? 'mr.inputs.commentSaved' : 'mr.inputs.recompiled', { no: saved.versionNo }));
    return saved;
  };
  const aside = (key: ReviewInputKey) => (
    <CommentEditor
      key={`${key}-${base?.versionNo ?? 0}`}
      inputKey={key}
      text={typeof base?.content[`comment_${key}`] === 'string' ? String(base.content[`comment_${key}`]) : ''}
      editable={editable}
      save={(text) => saveDraft({ [`comment_${key}`]: text }, 'comment')}
    />
  );
  const unanswered = decisions.data ? new Set(unansweredInputs(decisions.data.items)) : undefined;
  const agendaStatus = (key: ReviewInputKey) => (
    <AgendaStatus commented={!!base?.content[`comment_${key}`]} decided={unanswered && !unanswered.has(key)} />
  );
  return (
    <>
      <LiveMessage>{message}</LiveMessage>
      <InputsLead org={org} id={id} base={base} editable={editable} recompile={() => saveDraft({}, 'recompile')} />
      {base ? (
        <FrozenInputs content={base.content.inputs} aside={aside} agendaStatus={agendaStatus} />
      ) : (
        <QueryState query={live}>
          {(inputs) => <ReviewInputsView inputs={inputs} live aside={aside} agendaStatus={agendaStatus} />}
        </QueryState>
      )}
    </>
  );
}

function FrozenInputs({
  content,
  aside,
  agendaStatus,
}: {
  content: unknown;
  aside: (key: ReviewInputKey) => ReactNode;
  agendaStatus: (key: ReviewInputKey) => ReactNode;
}) {
  const { t } = useT();
  const parsed = reviewInputsSchema.safeParse(content);
  if (!parsed.success) return <p className="muted">{t('mr.inputs.notCompiled')}</p>;
  return <ReviewInputsView inputs={parsed.data} live={false} aside={aside} agendaStatus={agendaStatus} />;
}

/** Where one input's preparation stands: commentary written, a decision recorded (approval needs one per input). */
function AgendaStatus({ commented, decided }: { commented: boolean; decided: boolean | undefined }) {
  const { t } = useT();
  return (
    <span className="mr-agenda__status">
      <span className={`badge ${commented ? 'badge--ok' : 'badge--muted'}`}>
        {t(commented ? 'mr.inputs.agendaCommented' : 'mr.inputs.agendaNoComment')}
      </span>{' '}
      {decided === undefined ? null : (
        <span className={`badge ${decided ? 'badge--ok' : 'badge--warn'}`}>
          {t(decided ? 'mr.inputs.agendaDecided' : 'mr.inputs.agendaUndecided')}
        </span>
      )}
    </span>
  );
}

/** Where the inputs come from, and (for a draft) compiling them again from today's records. */
function InputsLead({
  org,
  id,
  base,
  editable,
  recompile,
}: {
  org: string;
  id: string;
  base: Version | undefined;
  editable: boolean;
  recompile: () => Promise<unknown>;
}) {
  const { t, td } = useT();
  const [busy, setBusy] = useState(false);
  const minutes = (
    <Link to="/o/$org/management-reviews/$id/minutes" params={{ org, id }}>
      {t('mr.nav.minutes')}
    </Link>
  );
  if (!base) return <p className="page__lead">{t('mr.inputs.leadLive')}</p>;
  return (
    <div className="mr-inputs__lead">
      <p className="page__lead">
        {t('mr.inputs.leadVersion', { no: base.versionNo, state: td(`versions.state.${base.state}`) })} {minutes}
      </p>
      {base.state !== 'draft' ? <p className="muted">{t('mr.inputs.leadFrozen')}</p> : null}
      {editable ? (
        <Button
          size="small"
          busy={busy}
          onClick={() => {
            setBusy(true);
            void recompile().finally(() => setBusy(false));
          }}
        >
          {t('mr.inputs.recompile')}
        </Button>
      ) : null}
    </div>
  );
}

/** The commentary of one input: read, or edited and saved into the draft on its own. */
function CommentEditor({
  inputKey,
  text,
  editable,
  save,
}: {
  inputKey: ReviewInputKey;
  text: string;
  editable: boolean;
  save: (text: string) => Promise<Version>;
}) {
  const { t, td } = useT();
  const label = td(`management-reviews.section.comment.${inputKey}`, undefined, t('mr.inputs.comment'));
  const form = useForm({
    initial: { text },
    toBody: (v) => v.text,
    // the draft carries the version it was read from: a bare 409 is someone else's save (reload and try again)
    versioned: true,
    fields: ['text'],
    serverErrors: (error): Record<string, string> => {
      const message = isApiError(error) ? error.fieldErrors()[`content.comment_${inputKey}`] : undefined;
      return message ? { text: message } : {};
    },
    submit: (body) => save(body),
  });
  if (!editable) {
    return (
      <div className="mr-comment">
        <h3 className="mr-comment__title">{label}</h3>
        <p className={text ? 'mr-comment__text' : 'muted'}>{text || t('mr.inputs.noComment')}</p>
      </div>
    );
  }
  return (
    <Form form={form} className="form mr-comment">
      <TextArea label={label} rows={3} {...form.field('text')} />
      <FormFailureMessage form={form} />
      <Button type="submit" size="small" variant="primary" busy={form.submitting} disabled={!form.dirty}>
        {t('mr.inputs.saveComment')}
      </Button>
    </Form>
  );
}
