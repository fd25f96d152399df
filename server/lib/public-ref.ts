import { randomInto } from './ids.ts';

// No 0/O, 1/I: references are read aloud on the phone and typed from paper.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

const refBytes = Buffer.alloc(10);

/** A public reference like CL-7K3M9QX2TB: 50 random bits, so status pages cannot be enumerated. */
export function newPublicRef(): string {
  const bytes = randomInto(refBytes);
  let out = '';
  for (const b of bytes) out += ALPHABET[b & 31];
  return `CL-${out}`;
}

export const PUBLIC_REF_RE = /^CL-[A-HJ-NP-Z2-9]{10}$/;
