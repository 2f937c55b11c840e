import { describe, expect, it } from 'vitest';
import { methodologySchema } from '../../../schema/risks/methodology.schema.js';
import { riskMethodologyVersioned } from '../../../schema/risks/risk-methodology.versioned.js';
import { STARTING_METHODOLOGIES } from '../../../schema/risks/starting-methodologies.js';
import { createI18n } from '../../i18n/i18n.js';
import { ApiError } from '../../lib/api-client.js';
import { sectionErrors } from '../../versioning/data-sections.js';
import { clientDraftErrors, initialDraft, isEditorPath, serverDraftErrors } from '../../versioning/draft-form.js';
import { placeError, placeErrors } from './methodology-errors.js';
import { toMethodology, toWorking } from './methodology-model.js';

const def = riskMethodologyVersioned;
const working = () => toWorking(STARTING_METHODOLOGIES.find((m) => m.key === 'three-by-three')!.methodology);

describe('methodology messages next to their controls', () => {
  it('places field paths on their control and group paths on the group', () => {
    const w = working();
    expect(placeError('likelihood.levels.2.label', w)).toBe('likelihood.levels.2.label');
    expect(placeError('likelihood.levels', w)).toBe('likelihood.levels');
    expect(placeError('likelihood.levels.7.label', w)).toBe('likelihood.levels'); // a level no longer on screen
    expect(placeError('consequence.name', w)).toBe('consequence.name');
    expect(placeError('rule.cells.2.1', w)).toBe('rule.cells.2.1');
    expect(placeError('rule.cells.2', w)).toBe('rule.cells'); // a row of the wrong length
    expect(placeError('rule.cells.0.9', w)).toBe('rule.cells');
    expect(placeError('levels.1.colour', w)).toBe('levels.1.colour');
    expect(placeError('levels', w)).toBe('levels');
    expect(placeError('approach', w)).toBe('approach');
    expect(placeError('', w)).toBeNull();
    expect(placeError('surprise.field', w)).toBeNull();
  });

  it('puts an acceptance list entry on the level it was written from', () => {
    const w = working();
    w.levels[2]!.acceptable = true; // acceptable: low, high → entry 1 is "high"
    w.levels[1]!.acceptor = ''; // acceptors: low only … then high
    w.levels[2]!.acceptor = 'Board';
    expect(placeError('acceptance.acceptableLevels.1', w)).toBe('levels.2.acceptable');
    expect(placeError('acceptance.acceptors.1.who', w)).toBe('levels.2.acceptor');
    expect(placeError('acceptance.acceptors.5.who', w)).toBe('acceptance');
    expect(placeError('acceptance.otherCriteria', w)).toBe('acceptance.otherCriteria');
  });

  it('maps a server problem+json on the draft to the cell it names, and keeps the unplaceable ones', () => {
    const w = working();
    const values = initialDraft(def, undefined);
    values.content.methodology = toMethodology(w);
    const problem = new ApiError({
      status: 400,
      errors: [
        { field: 'body.content.methodology.rule.cells.2.1', message: '"extreme" is not one of the risk levels' },
        { field: 'body.content.methodology.acceptance.acceptors.1.who', message: 'Too long' },
        { field: 'body.content.methodology', message: 'Invalid methodology' },
      ],
    });
    const all = serverDraftErrors(def, values, problem);
    expect(Object.keys(all).every((path) => isEditorPath(def, values, path))).toBe(true);
    const placed = placeErrors(sectionErrors(all, 'methodology'), w);
    expect(placed.at).toEqual({
      'rule.cells.2.1': '"extreme" is not one of the risk levels',
      'levels.1.acceptor': 'Too long',
    });
    expect(placed.sources['levels.1.acceptor']).toEqual(['acceptance.acceptors.1.who']);
    expect(placed.general).toEqual([{ path: '', message: 'Invalid methodology' }]);
  });

  it('places what methodologySchema finds in the browser the same way', () => {
    const w = working();
    w.levels[1]!.key = 'low'; // duplicate key
    w.consequence.levels[2]!.value = '1'; // not increasing
    w.likelihood.levels[0]!.label = '';
    const values = initialDraft(def, undefined);
    values.content.methodology = toMethodology(w);
    const parsed = def.draftSchema.safeParse({ content: values.content });
    expect(parsed.success).toBe(false);
    const placed = placeErrors(
      sectionErrors(clientDraftErrors(createI18n('en'), def, values, parsed.error!), 'methodology'),
      w,
    );
    expect(placed.at['likelihood.levels.0.label']).toBe('Required');
    expect(placed.at['consequence.levels.2.value']).toBe('Values must increase from one level to the next');
    expect(placed.at.levels).toBe('Each level needs its own key');
    expect(placed.general).toEqual([]);
    expect(methodologySchema.safeParse(toMethodology(working())).success).toBe(true);
  });
});

describe('format rules of the methodology', () => {
  it('keeps the schema wording of a format rule (a key, a colour) instead of the generic one', () => {
    const w = working();
    w.levels[0]!.key = 'Low!';
    w.levels[1]!.colour = 'orange';
    const values = initialDraft(def, undefined);
    values.content.methodology = toMethodology(w);
    const parsed = def.draftSchema.safeParse({ content: values.content });
    const placed = placeErrors(
      sectionErrors(clientDraftErrors(createI18n('en'), def, values, parsed.error!), 'methodology'),
      w,
    );
    expect(placed.at['levels.0.key']).toBe('Lowercase letters, digits and _ (a short key)');
    expect(placed.at['levels.1.colour']).toBe('A colour like #C0392B');
  });
});
