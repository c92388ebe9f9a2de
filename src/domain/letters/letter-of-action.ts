/** The letter each action sends: kept with the state machine (domain/application/issued-letters.ts). */
export { LETTER_OF_ACTION } from '../application/issued-letters.ts';
