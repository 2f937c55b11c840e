import { useEffect, useId, type ReactNode } from 'react';
import type { DataSection, VersionedDef } from '../../schema/versioning/versioned.js';
import { useT } from '../i18n/i18n.js';
import { FormField } from '../ui/form-field.js';
import { Select, TextField } from '../ui/fields.js';
import { Form, FormFailureMessage } from '../ui/form.js';
import { useForm } from '../ui/use-form.js';
import { FallbackDataEditor } from './data-section-fallback.js';
import { dataSectionUi, sectionErrors } from './data-sections.js';
import {
  clientDraftErrors,
  draftErrorOptions,
  initialDraft,
  tableRowsOf,
  toDraftBody,
  type DraftErrors,
  type DraftValues,
} from './draft-form.js';
import { visibleSections, type DocumentPresentation } from './presentation.js';
import { stageLabel } from './stage-stepper.js';
import { TableSectionEditor } from './table-section-editor.js';
import './text-sections.css';
import type { DraftBody, Version } from './versioned-api.js';
import { Button } from '../ui/button.js';

interface Props {
  org: string;
  def: VersionedDef;
  /** the latest version (draft or approved), or none before the first save */
  latest: Version | undefined;
  save: (body: DraftBody) => Promise<Version>;
  onSaved: (version: Version) => void;
  onCancel: () => void;
  /** drop this editor and load the latest version again (after a conflict) */
  onReload: () => void;
  /** the sections this record uses and how text is previewed (presentation.ts) */
  presentation?: DocumentPresentation | undefined;
}

/**
 * The draft editor, built from the definition's sections: text sections as textareas with their help, table
 * sections as row lists, data sections through the editor their module registered (data-sections.ts); stage and
 * change note. Validated with the definition's draftSchema before sending.
 */
export function VersionEditor({ org, def, latest, save, onSaved, onCancel, onReload, presentation }: Props) {
  const i18n = useT();
  const { t, td } = i18n;
  const form = useForm<DraftValues, DraftBody, Version>({
    initial: initialDraft(def, latest),
    toBody: (values) => toDraftBody(def, values, latest),
    schema: def.draftSchema,
    clientErrors: (error, values) => clientDraftErrors(i18n, def, values, error),
    ...draftErrorOptions(def),
    reload: onReload,
    submit: (body) => save(body),
    onSuccess: (version) => onSaved(version),
  });
  const { values, errors, failure } = form;
  const editingNo = !latest ? 1 : latest.state === 'draft' ? latest.versionNo : latest.versionNo + 1;

  // The save bar is sticky, so a message above it may be off screen: bring it (or its reload button) into view.
  useEffect(() => {
    if (failure) revealFailure();
  }, [failure]);

  const setSection = (key: string, value: unknown, clear?: string) =>
    form.update((v) => ({ ...v, content: { ...v.content, [key]: value } }), clear ? [clear] : undefined);
  // An edited control loses its message; the next save checks again.
  const clearError = (path: string) => form.update((v) => v, [path]);
  const hasErrors = Object.keys(errors).length > 0;

  return (
    <Form form={form} className="form version-editor" aria-labelledby="editor-title">
      <h2 id="editor-title">{t('versions.editor.title', { no: editingNo })}</h2>
      <p
        className={
          latest?.state === 'approved' || latest?.state === 'superseded' ? 'alert alert--warning' : 'alert alert--info'
        }
      >
        {!latest
          ? t('versions.editor.firstNotice')
          : latest.state === 'draft'
            ? t('versions.editor.draftNotice', { no: latest.versionNo })
            : t('versions.editor.approvedNotice', { no: latest.versionNo, next: latest.versionNo + 1 })}
      </p>
      {visibleSections(def, presentation, latest?.content).map((section) =>
        section.kind === 'text' ? (
          <TextSectionField
            key={section.key}
            name={section.key}
            label={td(section.label)}
            help={section.help ? td(section.help) : undefined}
            error={errors[`content.${section.key}`]}
            maxLength={section.maxLength ?? 20_000}
            value={textOf(values.content[section.key])}
            renderText={presentation?.renderText}
            onChange={(text) => setSection(section.key, text, `content.${section.key}`)}
          />
        ) : section.kind === 'data' ? (
          <DataSectionField
            key={section.key}
            org={org}
            entity={def.entity}
            section={section}
            value={values.content[section.key]}
            errors={errors}
            onChange={(value) => setSection(section.key, value)}
            onEdited={clearError}
          />
        ) : (
          <TableSectionEditor
            key={section.key}
            section={section}
            rows={tableRowsOf(values.content[section.key])}
            errors={errors}
            onChange={(rows) => setSection(section.key, rows)}
            onCellEdited={clearError}
          />
        ),
      )}
      <div className="form__grid version-editor__meta">
        {def.stages ? (
          <Select label={t('versions.stage')} help={t('versions.editor.stageHelp')} {...form.field('stage')}>
            {def.stages.map((s) => (
              <option key={s} value={s}>
                {stageLabel(td, def, s)}
              </option>
            ))}
          </Select>
        ) : null}
        <TextField
          label={t('versions.changeNote')}
          help={t('versions.editor.changeNoteHelp')}
          maxLength={2000}
          {...form.field('changeNote')}
        />
      </div>
      {hasErrors ? (
        <p className="alert alert--error" role="alert">
          {t('versions.editor.hasErrors')}
        </p>
      ) : null}
      {form.stale ? (
        // The one stale outcome (form-state.ts decides it), worded for a document: copy your text before reloading.
        <div className="alert alert--error version-editor__failure" role="alert">
          <p>{t('versions.editor.conflict')}</p>
          <Button onClick={form.reload}>{t('versions.editor.reload')}</Button>
        </div>
      ) : failure ? (
        <div className="version-editor__failure">
          <FormFailureMessage form={form} />
        </div>
      ) : null}
      <div className="form__actions version-editor__actions">
        <Button type="submit" variant="primary" disabled={form.submitting}>
          {form.submitting ? t('versions.editor.saving') : t('versions.editor.save')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </Form>
  );
}

const textOf = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * A text section: a textarea, and when the module renders text (Markdown) a live preview of what readers will see
 * beside it. The preview is not announced on every keystroke; it is a labelled region to read when wanted.
 */
function TextSectionField(props: {
  name: string;
  label: string;
  help: string | undefined;
  error: string | undefined;
  maxLength: number;
  value: string;
  renderText: ((text: string) => ReactNode) | undefined;
  onChange: (text: string) => void;
}) {
  const { t } = useT();
  const previewId = useId();
  const field = (
    <FormField
      label={props.label}
      help={props.help}
      error={props.error}
      className={props.renderText ? 'text-section__field' : undefined}
    >
      <textarea
        name={props.name}
        rows={props.renderText ? 8 : 3}
        maxLength={props.maxLength}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </FormField>
  );
  if (!props.renderText) return field;
  return (
    <div className="text-section">
      {field}
      <section className="text-section__preview" aria-labelledby={previewId}>
        <h3 id={previewId} className="text-section__preview-title">
          {t('versions.editor.preview', { section: props.label })}
        </h3>
        {props.value.trim() ? (
          props.renderText(props.value)
        ) : (
          <p className="doc__empty">{t('versions.nothingRecorded')}</p>
        )}
      </section>
    </div>
  );
}

/** A data section: its heading and help, then the module's editor (or the read-only fallback). */
function DataSectionField(props: {
  org: string;
  entity: string;
  section: DataSection;
  value: unknown;
  errors: DraftErrors;
  onChange: (value: unknown) => void;
  onEdited: (path: string) => void;
}) {
  const { td } = useT();
  const id = useId();
  const { section } = props;
  const Editor = dataSectionUi(props.entity, section.key)?.Editor ?? FallbackDataEditor;
  const prefix = `content.${section.key}`;
  return (
    <section className="data-section field--wide" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="data-section__title">
        {td(section.label)}
      </h3>
      {section.help ? <p className="field__help">{td(section.help)}</p> : null}
      <Editor
        org={props.org}
        section={section}
        value={props.value}
        onChange={props.onChange}
        errors={sectionErrors(props.errors, section.key)}
        onEdited={(path) => props.onEdited(path ? `${prefix}.${path}` : prefix)}
      />
    </section>
  );
}

/** The save bar is sticky, so the message above it may be off screen: bring it (or its reload button) into view. */
function revealFailure() {
  requestAnimationFrame(() => {
    const reload = document.querySelector<HTMLElement>('.version-editor__failure button');
    if (reload) reload.focus();
    else document.querySelector('.version-editor__failure')?.scrollIntoView({ block: 'center' });
  });
}
