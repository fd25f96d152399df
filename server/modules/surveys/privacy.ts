// The surveys module's part of the data-subject rights (issue 19): a contact's invitations in its
// export; on erasure the unanswered ones expire, so no link of theirs records anything again.
import type { Ctx, OrgScope } from '../../context.ts';
import type { ContactErasing, ContactExporting } from '../clients/index.ts';

export async function exportInvites(s: OrgScope, e: ContactExporting): Promise<void> {
  const rows = await s.db
    .selectFrom('survey_invites')
    .innerJoin('surveys', 'surveys.id', 'survey_invites.survey_id')
    .select([
      'survey_invites.id',
      'surveys.name as survey',
      'survey_invites.created_at',
      'survey_invites.answered_at',
      'survey_invites.expires_at',
      'survey_invites.feedback_id',
    ])
    .where('survey_invites.org_id', '=', s.orgId)
    .where('survey_invites.contact_id', '=', e.contactId)
    .orderBy('survey_invites.created_at')
    .execute();
  e.sections.push({
    key: 'survey_invitations',
    title: { ru: 'Приглашения к опросам', en: 'Survey invitations' },
    items: rows.map((r) => ({
      id: r.id,
      survey: r.survey,
      invitedAt: r.created_at,
      answeredAt: r.answered_at,
      expiresAt: r.expires_at,
      feedbackId: r.feedback_id,
    })),
  });
}

export async function eraseInvites(s: Ctx, e: ContactErasing): Promise<void> {
  const now = s.clock.now().toISOString();
  const res = await s.db
    .updateTable('survey_invites')
    .set({ expires_at: now })
    .where('org_id', '=', s.orgId)
    .where('contact_id', '=', e.contactId)
    .where('answered_at', 'is', null)
    .where((w) => w.or([w('expires_at', 'is', null), w('expires_at', '>', now)]))
    .executeTakeFirst();
  e.counts['survey_invites'] = Number(res.numUpdatedRows);
}
