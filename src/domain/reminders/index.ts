/** 待办提醒: reminders derived from open cases, and the daily digest's text. Pure. */
export * from './reminder.ts';
