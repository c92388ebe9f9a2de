import type { Command } from '../command.ts';
import { applicationAct, applicationList, applicationRegister, applicationShow } from './application.ts';
import { auditVerify } from './audit-verify.ts';
import { backupCommand, restoreCommand } from './backup.ts';
import { deadline } from './deadline.ts';
import { demoSeed } from './demo.ts';
import { reportImportDir } from './report-import-dir.ts';
import { reportParse } from './report-parse.ts';
import { reportRollup } from './report-rollup.ts';
import { reportRender } from './report-render.ts';
import { reportTemplate } from './report-template.ts';
import { reportValidate } from './report-validate.ts';
import { agencyCreate, calendarLoad, table3Command, userCreate } from './setup.ts';

/** Every CLI command. Add a command by adding its file and one line here. */
export const commands: readonly Command[] = [
  reportValidate,
  reportRender,
  reportParse,
  reportImportDir,
  reportRollup,
  reportTemplate,
  auditVerify,
  backupCommand,
  restoreCommand,
  deadline,
  applicationRegister,
  applicationAct,
  applicationShow,
  applicationList,
  table3Command,
  agencyCreate,
  userCreate,
  calendarLoad,
  demoSeed,
];
