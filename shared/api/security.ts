// Request and response shapes of two-factor sign-in and password reset (issue 19).
import { z } from 'zod';
import { email, password } from './orgs.ts';

const totpCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'six digits');
const recoveryCode = z.string().trim().min(6).max(32);

/** The password step's answer for a person with two-factor sign-in: no session yet. */
export const loginChallengeOut = z.object({
  twoFactorRequired: z.literal(true),
  challenge: z.string(),
  expiresAt: z.string(),
});
export type LoginChallengeOut = z.infer<typeof loginChallengeOut>;

export const twoFactorLoginBody = z
  .object({
    challenge: z.string().min(16).max(128),
    code: totpCode.optional(),
    recoveryCode: recoveryCode.optional(),
  })
  .refine((b) => (b.code === undefined) !== (b.recoveryCode === undefined), {
    message: 'send either code or recoveryCode',
  });

export const twoFactorStatusOut = z.object({
  enabled: z.boolean(),
  enabledAt: z.string().nullable(),
  /** The organisation requires two-factor sign-in of everyone. */
  required: z.boolean(),
  recoveryCodesLeft: z.number().int(),
});
export type TwoFactorStatusOut = z.infer<typeof twoFactorStatusOut>;

export const twoFactorSetupOut = z.object({
  /** Base32, for typing into an authenticator app by hand. */
  secret: z.string(),
  otpauthUri: z.string(),
  /** The otpauth URI as an SVG QR code. */
  qrSvg: z.string(),
});
export type TwoFactorSetupOut = z.infer<typeof twoFactorSetupOut>;

export const enableTwoFactorBody = z.object({ code: totpCode });
export const recoveryCodesOut = z.object({ recoveryCodes: z.array(z.string()) });
export const disableTwoFactorBody = z.object({
  password: z.string().min(1).max(256),
  code: totpCode,
});

export const passwordResetBody = z.object({ email });
export const passwordResetAcceptedOut = z.object({ accepted: z.literal(true) });
export const passwordResetConfirmBody = z.object({
  token: z.string().min(16).max(128),
  password,
});
