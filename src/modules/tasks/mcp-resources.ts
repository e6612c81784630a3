import type { ResourceCatalog } from '../../tools/resource-catalog.js';
import type { TaskService } from './service.js';
import { decodeUriComponent } from '../../uri-component.js';

const template = 'switchboard://tasks/{id}';
const prefix = 'switchboard://tasks/';

export function taskUri(taskId: string): string {
  return `${prefix}${taskId}`;
}

/**
 * Each task as an MCP resource (`switchboard://tasks/{id}`, JSON), readable and subscribable by
 * its owner. Tasks are not listed as resources (list_tasks does that, with filters); the template
 * completes task ids.
 */
export function taskResources(tasks: TaskService): ResourceCatalog {
  return {
    templates: [
      {
        uriTemplate: template,
        name: 'task',
        title: 'Task',
        description: 'One of your tasks, as JSON. The id completes from your tasks.',
        mimeType: 'application/json',
      },
    ],
    list: async () => ({ resources: [] }),
    async read(actor, uri) {
      if (!uri.startsWith(prefix)) return undefined;
      const task = await tasks.get(actor, decodeUriComponent(uri.slice(prefix.length)));
      return [{ uri, mimeType: 'application/json', text: JSON.stringify(task, null, 2) }];
    },
    complete: (actor, _uriTemplate, variable, value) =>
      variable === 'id' ? tasks.idsStartingWith(actor, value) : Promise.resolve([]),
    changesFrom(event) {
      if (event.type !== 'task.updated' && event.type !== 'task.deleted') return [];
      const { task_id: taskId, owner_id: ownerId } = event.data;
      return [{ uri: taskUri(taskId), listChanged: false, audience: { userId: ownerId } }];
    },
  };
}
