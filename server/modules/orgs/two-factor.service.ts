// Two-factor sign-in of the signed-in person (issue 19): set up (a new secret, encrypted at rest,
// shown once as text, otpauth URI and QR code), switch on with a current code (which gives ten
// one-time recovery codes, shown once and stored as SHA-256), switch off with password and code.
// Admins may require it of everyone (orgs.require_two_factor): until then a session reaches only
// these routes (authenticate.ts).
import QRCode from 'qrcode';
import { inTransaction, type Ctx } from '../../context.ts';
import { AppError, forbidden } from '../../http/errors.ts';
import { verifyPassword } from '../../lib/crypto.ts';
import { newId } from '../../lib/ids.ts';
import { recordAudit } from './audit.ts';
import * as credentials from './credentials.repo.ts';
import * as repo from './orgs.repo.ts';
import { acceptCode } from './two-factor-login.ts';
import { seal } from '../../lib/secret-box.ts';
import { newRecoveryCodes, otpauthUri, recoveryHash, newSecret } from './totp.ts';

async function me(ctx: Ctx) {
  if (ctx.actor.type !== 'user' || !ctx.actor.id)
    throw forbidden('Only a signed-in person has a second factor');
  return repo.getUser(ctx.db, ctx.orgId, ctx.actor.id);
}

const wrongCode = () =>
  new AppError('invalid_code', 'The code is wrong, expired or already used', {
    invalidParams: [{ name: 'body.code', reason: 'wrong or used' }],
  });

export async function twoFactorStatus(ctx: Ctx) {
  const user = await me(ctx);
  const org = await repo.getOrg(ctx.db, ctx.orgId);
  return {
    enabled: Boolean(user.totp_enabled_at),
    enabledAt: user.totp_enabled_at ?? null,
    required: Number(org.require_two_factor ?? 0) === 1,
    recoveryCodesLeft: user.totp_enabled_at
      ? await credentials.countUnusedRecoveryCodes(ctx.db, ctx.orgId, user.id)
      : 0,
  };
}

export async function setupTwoFactor(ctx: Ctx) {
  const user = await me(ctx);
  if (user.totp_enabled_at)
    throw new AppError(
      'two_factor_enabled',
      'Two-factor sign-in is already on; switch it off first',
    );
  const secret = newSecret();
  await credentials.setTotp(ctx.db, ctx.orgId, user.id, {
    totp_secret_enc: await seal(ctx, 'totp_secret', secret),
    totp_enabled_at: null,
  });
  const uri = otpauthUri(secret, user.email);
  const qrSvg = await QRCode.toString(uri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  return { secret, otpauthUri: uri, qrSvg };
}

export async function enableTwoFactor(ctx: Ctx, code: string) {
  const user = await me(ctx);
  if (user.totp_enabled_at)
    throw new AppError('two_factor_enabled', 'Two-factor sign-in is already on');
  if (!user.totp_secret_enc)
    throw new AppError('two_factor_not_set_up', 'Set two-factor sign-in up first');
  return inTransaction(ctx, async (tx) => {
    if (!(await acceptCode(tx, user, code))) throw wrongCode();
    const now = tx.clock.now().toISOString();
    await credentials.markTotpEnabled(tx.db, tx.orgId, user.id, now);
    const codes = newRecoveryCodes();
    await credentials.replaceRecoveryCodes(
      tx.db,
      tx.orgId,
      user.id,
      codes.map((c) => ({
        id: newId(),
        org_id: tx.orgId,
        user_id: user.id,
        code_hash: recoveryHash(c),
        used_at: null,
        created_at: now,
      })),
    );
    await recordAudit(tx, 'auth.two_factor_enabled', { type: 'user', id: user.id });
    return { recoveryCodes: codes };
  });
}

export async function disableTwoFactor(ctx: Ctx, input: { password: string; code: string }) {
  const user = await me(ctx);
  if (!user.totp_enabled_at)
    throw new AppError('two_factor_not_set_up', 'Two-factor sign-in is not on');
  if (!(await verifyPassword(user.password_hash, input.password)))
    throw new AppError('unprocessable', 'The password is wrong', {
      invalidParams: [{ name: 'body.password', reason: 'wrong' }],
    });
  return inTransaction(ctx, async (tx) => {
    if (!(await acceptCode(tx, user, input.code))) throw wrongCode();
    await credentials.setTotp(tx.db, tx.orgId, user.id, {
      totp_secret_enc: null,
      totp_enabled_at: null,
    });
    await credentials.replaceRecoveryCodes(tx.db, tx.orgId, user.id, []);
    await recordAudit(tx, 'auth.two_factor_disabled', { type: 'user', id: user.id });
  });
}
