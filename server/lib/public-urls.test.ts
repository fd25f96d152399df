import { describe, expect, it } from 'vitest';
import {
  caseUrl,
  publicUrl,
  rateUrl,
  statusPath,
  statusUrl,
  surveyInviteUrl,
  surveyOpenUrl,
} from './public-urls.ts';

const config = { http: { publicUrl: 'https://cl.example.ru' } };

describe('public URLs', () => {
  it.each([
    [statusUrl(config, 'CL-7K3F'), 'https://cl.example.ru/status/CL-7K3F'],
    [rateUrl(config, 'CL-7K3F'), 'https://cl.example.ru/status/CL-7K3F/rate'],
    [surveyInviteUrl(config, 'tok'), 'https://cl.example.ru/s/tok'],
    [surveyOpenUrl(config, 'open'), 'https://cl.example.ru/s/o/open'],
    [caseUrl(config, 'c1'), 'https://cl.example.ru/cases/c1'],
    [publicUrl(config, '/care'), 'https://cl.example.ru/care'],
    [statusPath('CL-1'), '/status/CL-1'],
  ])('builds %s', (built, expected) => {
    expect(built).toBe(expected);
  });
});
