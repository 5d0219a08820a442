/** Stands in for an element (a <code>, a <time>) inside a message; a private-use character no text contains. */
const MARK = '\uE000';

/**
 * The text before and after the one element a message holds, so the sentence stays whole in en.yml (a
 * translation may move the element): `message` fills the element's placeholder with the mark it is given.
 */
export function aroundElement(message: (mark: string) => string): [before: string, after: string] {
  const [before = '', after = ''] = message(MARK).split(MARK);
  return [before, after];
}
