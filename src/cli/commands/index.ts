import type { Command } from '../command.ts';
import { reportValidate } from './report-validate.ts';

/** Every CLI command. Add a command by adding its file and one line here. */
export const commands: readonly Command[] = [reportValidate];
