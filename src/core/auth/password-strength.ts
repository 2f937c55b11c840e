import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { ValidationError } from '../errors.js';

/** zxcvbn's score 3: "safely unguessable", about 10^8 guesses or more, given the length rule as well. */
export const MIN_PASSWORD_SCORE = 3;

// The dictionaries (common and breached passwords, English words and names) are a few MB: loaded once, on first use.
let checker: Promise<ZxcvbnFactory> | undefined;
function loadChecker(): Promise<ZxcvbnFactory> {
  checker ??= Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]).then(
    ([core, common, en]) =>
      new core.ZxcvbnFactory({
        dictionary: { ...common.dictionary, ...en.dictionary },
        graphs: common.adjacencyGraphs,
        translations: en.translations,
        // Matching cost grows with length; only the first 64 characters are judged.
        maxLength: 64,
        l33tMaxSubstitutions: 16,
      }),
  );
  return checker;
}

/** The words a guesser tries first for this person: their e-mail, its parts, their name, the product. */
function personalWords(person: { email: string; name?: string | null }): string[] {
  const email = person.email.trim().toLowerCase();
  const local = email.split('@')[0] ?? '';
  const name = (person.name ?? '').trim().toLowerCase();
  const words = [
    email,
    local,
    local.replace(/[._+-]/g, ''),
    ...local.split(/[._+-]/),
    name,
    name.replace(/\s+/g, ''),
    ...name.split(/\s+/),
    'rampart',
  ];
  return [...new Set(words.filter((w) => w.length >= 3))];
}

/** Why this password is too easy to guess for this person, or null when it is strong enough. */
export async function passwordWeakness(
  password: string,
  person: { email: string; name?: string | null },
): Promise<string | null> {
  const lower = password.trim().toLowerCase();
  if (lower === person.email.trim().toLowerCase()) return 'Do not use your e-mail address as your password.';
  if (person.name && lower === person.name.trim().toLowerCase()) return 'Do not use your name as your password.';
  const result = (await loadChecker()).check(password, personalWords(person));
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const why = result.feedback.warning ?? 'This password is too easy to guess.';
  const hint = result.feedback.suggestions[0] ?? 'Add a few uncommon words.';
  return `${why} ${hint}`;
}

/** Refuses a weak password with a field error (`body.password`, `body.newPassword`, …) saying why. */
export async function assertStrongPassword(
  password: string,
  person: { email: string; name?: string | null },
  field: string,
): Promise<void> {
  const weakness = await passwordWeakness(password, person);
  if (weakness) throw new ValidationError([{ field, message: weakness }], 'Choose a stronger password');
}
