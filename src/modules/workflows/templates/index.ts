import { dailyTaskDigest } from './daily-task-digest.js';
import { documentIntake } from './document-intake.js';
import { meetingNotesToTasks } from './meeting-notes-to-tasks.js';
import { normalizeDocuments } from './normalize-documents.js';
import { reviewAndPublish } from './review-and-publish.js';
import type { WorkflowTemplate } from './template.js';
import { weeklyOverdueReminder } from './weekly-overdue-reminder.js';

export type { WorkflowTemplate } from './template.js';

/** The built-in templates, in the order they are offered. */
export const workflowTemplates: WorkflowTemplate[] = [
  dailyTaskDigest,
  documentIntake,
  meetingNotesToTasks,
  reviewAndPublish,
  normalizeDocuments,
  weeklyOverdueReminder,
];
