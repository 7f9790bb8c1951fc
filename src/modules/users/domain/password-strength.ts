import { type Score, ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';
import * as zxcvbnEn from '@zxcvbn-ts/language-en';

/** zxcvbn's scale: 0 (guessed at once) … 4 (very unguessable, ≥ 10¹⁰ guesses). */
export const MAX_PASSWORD_SCORE = 4;

/**
 * Words of this product and its users' trade, guessed early by anyone attacking an account of it:
 * counted like the account's own email and name.
 */
export const PRODUCT_WORDS: readonly string[] = [
  'gpmb',
  'gpmb crm',
  'giải phóng mặt bằng',
  'quản trị',
  'quản trị viên',
  'mật khẩu',
  'tổ công tác',
  'hộ dân',
];

export type PasswordVerdict =
  | { acceptable: true; score: Score }
  | {
      acceptable: false;
      score: Score;
      /** Why, for the `password` field: the score, zxcvbn's warning and its suggestions, when it has them. */
      reason: string;
    };

let zxcvbn: ZxcvbnFactory | undefined;

/** Ranking the dictionaries takes a while: once per process, on first use. */
function estimator(): ZxcvbnFactory {
  zxcvbn ??= new ZxcvbnFactory({
    dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEn.dictionary },
    graphs: zxcvbnCommon.adjacencyGraphs,
    translations: zxcvbnEn.translations,
  });
  return zxcvbn;
}

/** "Nguyễn Đức" → "nguyen duc": people type their names without marks as often as with them. */
function withoutMarks(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/**
 * What an attacker who knows the account tries first, as zxcvbn user inputs: each text (an email,
 * a name, a product word) whole, each side of an email's "@", their words, and their words run
 * together, each with and without marks.
 */
export function userInputsOf(personal: readonly string[]): string[] {
  const inputs = new Set<string>();
  for (const text of [...personal, ...PRODUCT_WORDS]) {
    for (const form of new Set([text, withoutMarks(text)])) {
      const whole = form.trim().toLowerCase();
      for (const part of new Set([whole, ...whole.split('@')])) {
        const words = part.split(/[\s@._+-]+/);
        // Single words only from three letters: "an" or "to" would match inside any password.
        const candidates = [part, words.join(''), ...words.filter((word) => word.length >= 3)];
        for (const input of candidates) if (input.length >= 2) inputs.add(input);
      }
    }
  }
  return [...inputs];
}

/**
 * Whether a new password is hard enough to guess: zxcvbn's score, with the account's email and
 * names (`personal`) and the product's words counted as the first guesses, must reach `minScore`.
 * The password is judged as it is hashed (NFKC).
 */
export function judgePassword(password: string, personal: readonly string[], minScore: number): PasswordVerdict {
  const result = estimator().check(password.normalize('NFKC'), userInputsOf(personal));
  if (result.score >= minScore) return { acceptable: true, score: result.score };
  const { warning, suggestions } = result.feedback;
  const sentences = [
    `password is too easy to guess (strength ${result.score} of ${MAX_PASSWORD_SCORE}, at least ${minScore} needed)`,
    ...(warning ? [warning] : []),
    ...suggestions,
  ];
  return {
    acceptable: false,
    score: result.score,
    reason: `${sentences.map((sentence) => sentence.replace(/\.$/, '')).join('. ')}.`,
  };
}
