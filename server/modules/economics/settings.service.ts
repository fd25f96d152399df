// The organisation's economics settings: base currency, formula period, APPN alias and a fixed
// churn threshold. Read by every economics use-case; written by admins only. The base currency is
// locked once transactions exist, because stored amounts are already in it (no silent rescaling).
import { inTransaction, type Ctx } from '../../context.ts';
import type { EconomicsSettingsTable } from '../../db/types.ts';
import { AppError } from '../../http/errors.ts';
import { assertCan } from '../../lib/permissions.ts';
import type {
  EconomicsSettingsIn,
  EconomicsSettingsOut,
} from '../../../shared/api/economics-figures.ts';
import { recordAudit } from '../orgs/index.ts';
import * as repo from './economics.repo.ts';

export interface EconomicsSettings {
  baseCurrency: string;
  period: EconomicsSettingsTable['period'];
  appnLabel: string | null;
  churnAfterPeriods: number | null;
  updatedAt: string | null;
}

export const DEFAULT_SETTINGS: EconomicsSettings = {
  baseCurrency: 'RUB',
  period: 'month',
  appnLabel: null,
  churnAfterPeriods: null,
  updatedAt: null,
};

/** The settings in force (the defaults when none were saved); no role check — every reader needs them. */
export async function settingsOf(ctx: Ctx): Promise<EconomicsSettings> {
  const row = await repo.findSettings(ctx.db, ctx.orgId);
  if (!row) return DEFAULT_SETTINGS;
  return {
    baseCurrency: row.base_currency,
    period: row.period,
    appnLabel: row.appn_label,
    churnAfterPeriods: row.churn_after_periods,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export async function getEconomicsSettings(ctx: Ctx): Promise<EconomicsSettingsOut> {
  assertCan(ctx.actor, 'data.read');
  return settingsOf(ctx);
}

export async function putEconomicsSettings(
  ctx: Ctx,
  input: EconomicsSettingsIn,
): Promise<EconomicsSettingsOut> {
  assertCan(ctx.actor, 'org.manage');
  return inTransaction(ctx, async (tx) => {
    const current = await settingsOf(tx);
    const next: EconomicsSettings = {
      ...current,
      ...input,
      updatedAt: tx.clock.now().toISOString(),
    };
    if (next.baseCurrency !== current.baseCurrency && (await repo.hasTransactions(tx.db, tx.orgId)))
      throw new AppError(
        'conflict',
        'The base currency cannot change once transactions are stored in it',
        { invalidParams: [{ name: 'body.baseCurrency', reason: 'transactions exist' }] },
      );
    await repo.upsertSettings(tx.db, {
      org_id: tx.orgId,
      base_currency: next.baseCurrency,
      period: next.period,
      appn_label: next.appnLabel,
      churn_after_periods: next.churnAfterPeriods,
      updated_at: next.updatedAt!,
    });
    await recordAudit(tx, 'economics.settings_updated', { type: 'org', id: tx.orgId });
    return next;
  });
}

/** The organisation's base currency (ISO 4217): what every amount is in. */
export async function baseCurrencyOf(ctx: Ctx): Promise<string> {
  return (await settingsOf(ctx)).baseCurrency;
}
