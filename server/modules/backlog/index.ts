// The backlog module's public surface (analytics layer, issue 18, SPEC C10): the improvement
// backlog of initiatives, "you said, we did", and the reads the strategy map and the arbiter use.
import type { ModuleDef } from '../module.ts';
import { rewriteStageKey, stageKeyUsed } from '../../db/stage-keys.ts';
import { registerStatusNotes } from '../feedback/index.ts';
import { stageDeleting, stageInUse, stagesMerged } from '../stages/index.ts';
import { registerBacklogExport } from './backlog-export.routes.ts';
import { doneNotesFor } from './backlog.lookups.ts';
import { registerBacklogRoutes } from './backlog.routes.ts';

export { initiativesByIds, initiativesByStage, type InitiativeBrief } from './backlog.lookups.ts';

// The status page of a linked record shows "you said, we did" (feedback cannot import us).
registerStatusNotes({ name: 'backlog.you-said-we-did', notesFor: doneNotesFor });

// Stage keys on initiatives follow a merge, and a stage still on one is not deleted (ADR 012).
stagesMerged.subscribe('backlog.initiatives', (s, e) =>
  rewriteStageKey(s.db, 'initiatives', s.orgId, e),
);
stageDeleting.subscribe('backlog.initiatives', async (s, e) => {
  if (await stageKeyUsed(s.db, 'initiatives', s.orgId, e.key)) throw stageInUse(e.key);
});

export const backlogModule: ModuleDef = {
  name: 'backlog',
  routes: (app, deps) => {
    registerBacklogRoutes(app, deps);
    registerBacklogExport(app, deps);
  },
};
