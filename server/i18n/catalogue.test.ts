import { describe, expect, it } from 'vitest';
import { t, type TextKey } from './catalogue.ts';

describe('t (server texts)', () => {
  it('returns the text of a key in the language asked for', () => {
    expect(t('ru', 'status.rateTitle')).toBe('Оцените решение');
    expect(t('en', 'status.rateTitle')).toBe('Rate the resolution');
  });

  it('fills the placeholders named in vars', () => {
    expect(t('en', 'mail.followupLine', { url: 'https://x/status/CL-1/rate' })).toBe(
      'Please rate the resolution: https://x/status/CL-1/rate',
    );
  });

  it('leaves other placeholders raw, so templates reach the renderer unchanged', () => {
    expect(t('en', 'templates.digest.body')).toBe('Hello {{name}},\n\n{{items}}\n\n{{orgName}}');
    expect(t('en', 'templates.digest.body', { name: 'Anna' })).toBe(
      'Hello Anna,\n\n{{items}}\n\n{{orgName}}',
    );
  });

  it('takes a value with $ patterns literally', () => {
    expect(t('ru', 'mail.followupLine', { url: "$&$'" })).toContain("$&$'");
  });

  it('refuses a key that is not in the catalogue', () => {
    expect(() => t('ru', 'status.nope' as TextKey)).toThrow(/status\.nope/);
  });
});
