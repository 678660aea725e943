// Text helpers shared by the lexicon compiler and the code detector.
//
// Matching runs on a lower-cased copy of the text with explicit Latin letter
// classes instead of /\p{L}/u: V8 runs the big alternation about ten times faster
// without the Unicode flag, and every Nordic letter lives in Latin-1 anyway.

/** Letters (lower case) as the inside of a character class: a-z, ß-ö, ø-ÿ and Latin
 *  Extended-A. Written as literal characters: the class is repeated hundreds of times
 *  in the compiled lexicon, and a short source keeps V8 on its fast native path. */
export const LOWER_LETTERS = "a-zß-öø-ſ";
/** Letters in either case, for matching on the original text. */
export const ANY_LETTERS = "A-Za-zÀ-ÖØ-öø-ſ";

export interface PreparedText {
  /** The text the spans refer to (NFC-normalized when the input was decomposed). */
  original: string;
  /** `original` lower-cased, with the same length so offsets line up. */
  lower: string;
}

const COMBINING_MARK = /[\u0300-\u036f]/;

export function prepareText(text: string): PreparedText {
  // Decomposed input ("a" + ring) would slip past "å"; normalizing only when a
  // combining mark is present keeps the common path free.
  const original = COMBINING_MARK.test(text) ? text.normalize("NFC") : text;
  let lower = original.toLowerCase();
  if (lower.length !== original.length) {
    // A few characters (İ) grow when lower-cased; fold char by char, keeping those as they are.
    lower = Array.from(original, (ch) => {
      const l = ch.toLowerCase();
      return l.length === ch.length ? l : ch;
    }).join("");
  }
  return { original, lower };
}
