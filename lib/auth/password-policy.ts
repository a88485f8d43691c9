import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as zxcvbnCommon from "@zxcvbn-ts/language-common";
import * as zxcvbnEnglish from "@zxcvbn-ts/language-en";
import { addFieldError, type FieldErrors } from "../forms/field-errors";

/**
 * The password rule for new passwords (sign-up, password change): at least 8 characters, not only
 * spaces, and hard enough to guess by zxcvbn's estimate (zxcvbn-ts, Wheeler 2016: score 0–4 from
 * dictionaries of common passwords, names and words, keyboard patterns, repeats, sequences and
 * dates; 3 = "safely unguessable: moderate protection from an offline slow-hash attack"). The
 * person's own name and email count as guessable words.
 */
export const PASSWORD_POLICY = { minLength: 8, maxLength: 200, minScore: 3 } as const;

let factory: ZxcvbnFactory | undefined;

/** Built on first use: loading the dictionaries takes most of a second. */
function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    translations: zxcvbnEnglish.translations,
    graphs: zxcvbnCommon.adjacencyGraphs,
    dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEnglish.dictionary },
  });
  return factory;
}

export type PasswordVerdict = { isAcceptable: true } | { isAcceptable: false; problem: string };

/**
 * Whether `password` may be chosen, and if not, one sentence saying why and what to do.
 * `personalWords` are the user's name, email and the like.
 */
export function checkNewPassword(password: string, personalWords: readonly string[] = []): PasswordVerdict {
  if (password.trim().length === 0) return { isAcceptable: false, problem: "Choose a password that is not just spaces." };
  if ([...password].length < PASSWORD_POLICY.minLength) {
    return { isAcceptable: false, problem: `Use at least ${PASSWORD_POLICY.minLength} characters for your password.` };
  }
  if (password.length > PASSWORD_POLICY.maxLength) {
    return { isAcceptable: false, problem: `Keep your password under ${PASSWORD_POLICY.maxLength} characters.` };
  }
  const words = personalWords.flatMap((w) => [w, ...w.split(/[\s@.]+/)]).map((w) => w.trim().toLowerCase()).filter((w) => w.length >= 3);
  const result = estimator().check(password, words);
  if (result.score >= PASSWORD_POLICY.minScore) return { isAcceptable: true };
  const why = result.feedback.warning ? `${result.feedback.warning} ` : "This password is easy to guess. ";
  return { isAcceptable: false, problem: `${why}Try three or four unrelated words, or a longer mix of words, numbers and symbols.` };
}

/**
 * Judges a form's new password (checkNewPassword) and adds its problem under `field`, beside the
 * form's other errors rather than after they are fixed. Nothing is judged while the field has an error
 * of its own or no value; `personalWords` that are not (valid) strings are left out.
 */
export function addNewPasswordProblem(fieldErrors: FieldErrors, field: string, password: string | undefined, personalWords: readonly (string | undefined)[]): void {
  if (password === undefined || fieldErrors[field]) return;
  const verdict = checkNewPassword(password, personalWords.filter((w): w is string => typeof w === "string"));
  if (!verdict.isAcceptable) addFieldError(fieldErrors, field, verdict.problem);
}
