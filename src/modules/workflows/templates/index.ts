import { dailyTaskDigest } from './daily-task-digest.js';
import { documentIntake } from './document-intake.js';
import { meetingNotesToTasks } from './meeting-notes-to-tasks.js';
import { normalizeDocuments } from './normalize-documents.js';
import { reviewAndPublish } from './review-and-publish.js';
import type { WorkflowTemplate } from './template.js';
import { weeklyOverdueReminder } from './weekly-overdue-reminder.js';
import { analyzeContent } from './analyze-content.js';
import { cleanData } from './clean-data.js';
import { processDocuments } from './process-documents.js';
import { writingAssistance } from './writing-assistance.js';

export type { WorkflowTemplate } from './template.js';

/** The built-in templates, in the order they are offered. */
export const workflowTemplates: WorkflowTemplate[] = [
  dailyTaskDigest,
  documentIntake,
  meetingNotesToTasks,
  reviewAndPublish,
  normalizeDocuments,
  weeklyOverdueReminder,
  processDocuments,
  analyzeContent,
  writingAssistance,
  cleanData,
];
