// Phone numbers as people and PBX exports write them → one comparable form. Pure.
// Russian numbers come as 8XXXXXXXXXX, 7XXXXXXXXXX, +7 (XXX) XXX-XX-XX or just the ten digits;
// all become +7XXXXXXXXXX. Other international numbers keep their country code (+ and 8–15 digits).

/** The normalised number, or undefined when the text is not a client's phone (an extension, "Аноним"). */
export function normalisePhone(text: string | null | undefined): string | undefined {
  if (!text) return undefined;
  // "доб. 123" / "ext 12" name an extension behind the number, not part of it.
  const main = text.split(/доб|ext|#/i)[0]!.trim();
  const plus = main.startsWith('+');
  let digits = main.replace(/\D/g, '');
  if (!plus && digits.startsWith('00')) return international(digits.slice(2));
  if (plus) return digits.startsWith('7') ? russian(digits) : international(digits);
  if (digits.length === 10) digits = `7${digits}`;
  if (digits.length === 11 && (digits.startsWith('8') || digits.startsWith('7')))
    return `+7${digits.slice(1)}`;
  return undefined;
}

function russian(digits: string): string | undefined {
  return digits.length === 11 ? `+${digits}` : undefined;
}

function international(digits: string): string | undefined {
  if (digits.startsWith('7')) return russian(digits);
  return digits.length >= 8 && digits.length <= 15 ? `+${digits}` : undefined;
}

/** True when the text holds no digits at all: a hidden or anonymous caller, not a typo. */
export const hasNoDigits = (text: string) => !/\d/.test(text);
