import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedUser } from '../../../test/helpers/identity.js';
import { buildTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { databaseKinds } from '../../../test/helpers/test-database.js';
import { actingAs, type UserActor } from '../../actor.js';
import type { AnyBusEvent } from '../../bus/events.js';
import { InvalidInputError } from '../../errors.js';
import { TaskNotFoundError } from './errors.js';
import type { TaskService } from './service.js';

const actorFor = (userId: string): UserActor => actingAs({ userId, role: 'user', via: 'http' });

describe.each(databaseKinds)('the task service on %s', (kind) => {
  let testApp: TestApp;
  let tasks: TaskService;
  let alice: UserActor;
  let bob: UserActor;

  beforeAll(async () => {
    testApp = await buildTestApp(kind);
    tasks = testApp.app.tasks;
    alice = actorFor((await seedUser(testApp.app, { email: 'alice@example.com' })).id);
    bob = actorFor((await seedUser(testApp.app, { email: 'bob@example.com' })).id);
  });
  afterAll(() => testApp.close());

  it('adds a task with its due date, priority and tags, and announces it', async () => {
    const events: AnyBusEvent[] = [];
    const stop = testApp.app.bus.subscribe('task.*', (event) => void events.push(event));
    const task = await tasks.add(alice, {
      title: 'Buy milk',
      due_date: '2026-12-01T09:00:00Z',
      priority: 'high',
      tags: ['home'],
    });
    expect(task).toMatchObject({
      title: 'Buy milk',
      status: 'pending',
      priority: 'high',
      tags: ['home'],
      due_date: '2026-12-01T09:00:00.000Z',
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(events.map((event) => event.type)).toEqual(['task.created']);
    stop();
  });

  it('lists only the owner’s tasks, filtered by status, due date and tag, a page at a time', async () => {
    for (const [index, title] of ['one', 'two', 'three', 'four'].entries()) {
      await tasks.add(alice, {
        title: `Task ${title}`,
        due_date: `2026-12-1${index}`,
        tags: index % 2 ? ['odd'] : [],
      });
    }
    await tasks.add(bob, { title: 'Bob’s secret' });
    const first = await tasks.list(alice, { limit: 2 });
    expect(first.items.map((task) => task.title)).toEqual(['Task four', 'Task three']);
    const rest = await tasks.list(alice, { limit: 10, cursor: first.next_cursor ?? '' });
    expect(rest.items.map((task) => task.title)).toEqual(['Task two', 'Task one', 'Buy milk']);
    expect(rest.next_cursor).toBeNull();
    expect((await tasks.list(alice, { tag: 'odd' })).items.map((task) => task.title)).toEqual([
      'Task four',
      'Task two',
    ]);
    expect((await tasks.list(alice, { due_before: '2026-12-11' })).items.map((task) => task.title)).toEqual([
      'Task one',
      'Buy milk',
    ]);
    expect((await tasks.list(bob, {})).items.map((task) => task.title)).toEqual(['Bob’s secret']);
  });

  it('pages by status and by due date for each owner alone, however many owners asked before', async () => {
    const dora = actorFor((await seedUser(testApp.app, { email: 'dora@example.com' })).id);
    const eve = actorFor((await seedUser(testApp.app, { email: 'eve@example.com' })).id);
    const added = [];
    for (const day of [1, 2, 3])
      added.push(await tasks.add(dora, { title: `Day ${day}`, due_date: `2026-11-0${day}` }));
    await tasks.add(eve, { title: 'Eve’s own', due_date: '2026-10-01' });
    await tasks.complete(dora, added[1]?.id ?? '');
    const titles = (page: { items: { title: string }[] }) => page.items.map((task) => task.title);
    for (let round = 0; round < 2; round++) {
      const pending = await tasks.list(dora, { status: 'pending', limit: 1 });
      expect(titles(pending)).toEqual(['Day 3']);
      expect(
        titles(await tasks.list(dora, { status: 'pending', cursor: pending.next_cursor ?? '' })),
      ).toEqual(['Day 1']);
      expect(titles(await tasks.list(dora, { status: 'completed' }))).toEqual(['Day 2']);
      expect(titles(await tasks.list(dora, { sort: 'due' }))).toEqual(['Day 1', 'Day 2', 'Day 3']);
      expect(titles(await tasks.list(eve, { sort: 'due' }))).toEqual(['Eve’s own']);
      expect(titles(await tasks.list(eve, { status: 'completed' }))).toEqual([]);
    }
    await expect(tasks.list(dora, { cursor: 'bm90LWpzb24' })).rejects.toThrow(InvalidInputError);
  });

  it('searches titles and descriptions, only among the owner’s tasks', async () => {
    await tasks.add(alice, { title: 'Call the plumber', description: 'about the kitchen sink' });
    await tasks.add(bob, { title: 'Call the plumber too' });
    const found = await tasks.search(alice, { query: 'kitchen plumber' });
    expect(found.map((task) => task.title)).toEqual(['Call the plumber']);
    expect(await tasks.search(alice, { query: 'nonexistentword' })).toEqual([]);
  });

  it('filters the list by words and by a due window, still newest first and paged', async () => {
    await tasks.add(alice, { title: 'Buy oat milk', due_date: '2027-01-05T10:00:00Z' });
    await tasks.add(alice, { title: 'Water plants', description: 'and buy soil', due_date: '2027-01-09' });
    await tasks.add(bob, { title: 'Buy Bob things', due_date: '2027-01-06' });
    const words = await tasks.list(alice, { q: 'buy', due_after: '2027-01-01', limit: 1 });
    expect(words.items.map((task) => task.title)).toEqual(['Water plants']);
    const more = await tasks.list(alice, {
      q: 'buy',
      due_after: '2027-01-01',
      cursor: words.next_cursor ?? '',
    });
    expect(more.items.map((task) => task.title)).toEqual(['Buy oat milk']);
    const window = await tasks.list(alice, { due_after: '2027-01-05', due_before: '2027-01-06' });
    expect(window.items.map((task) => task.title)).toEqual(['Buy oat milk']);
  });

  it('sorts by due date, soonest first and undated last, paging through ties without repeats', async () => {
    const carol = actorFor((await seedUser(testApp.app, { email: 'carol@example.com' })).id);
    await tasks.add(carol, { title: 'No date, older' });
    await tasks.add(carol, { title: 'Late', due_date: '2027-03-01' });
    await tasks.add(carol, { title: 'Tie A', due_date: '2027-02-01T09:00:00Z' });
    await tasks.add(carol, { title: 'Tie B', due_date: '2027-02-01T09:00:00Z' });
    await tasks.add(carol, { title: 'Soon', due_date: '2027-01-15' });
    await tasks.add(carol, { title: 'No date, newer' });
    const titles: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await tasks.list(carol, { sort: 'due', limit: 1, ...(cursor ? { cursor } : {}) });
      titles.push(...page.items.map((task) => task.title));
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
    expect(titles).toEqual(['Soon', 'Tie A', 'Tie B', 'Late', 'No date, older', 'No date, newer']);
    const newest = await tasks.list(carol, {});
    expect(newest.items.map((task) => task.title)[0]).toBe('No date, newer');
    await expect(tasks.list(carol, { sort: 'due', cursor: 'bm90LWpzb24' })).rejects.toThrow(
      InvalidInputError,
    );
  });

  it('updates only the given fields, completes, and clears fields with null', async () => {
    const task = await tasks.add(alice, { title: 'Draft', description: 'old', due_date: '2026-12-24' });
    const updated = await tasks.update(alice, task.id, { title: 'Final', due_date: null });
    expect(updated).toMatchObject({ title: 'Final', description: 'old', due_date: null });
    const done = await tasks.complete(alice, task.id);
    expect(done.status).toBe('completed');
    expect(done.completed_at).not.toBeNull();
    expect((await tasks.update(alice, task.id, { status: 'pending' })).completed_at).toBeNull();
    await expect(tasks.update(alice, task.id, {})).rejects.toThrow('at least one field');
  });

  it('announces a completion once, however many complete it at once', async () => {
    const task = await tasks.add(alice, { title: 'Raced' });
    const completions: AnyBusEvent[] = [];
    const stop = testApp.app.bus.subscribe('task.completed', (event) => void completions.push(event));
    await Promise.all([1, 2, 3].map(() => tasks.complete(alice, task.id)));
    // Announced as each completion commits (publish is awaited, local subscribers called at once).
    expect(
      completions.filter((event) => (event.data as { task_id: string }).task_id === task.id),
    ).toHaveLength(1);
    stop();
  });

  it('deletes a task for good', async () => {
    const task = await tasks.add(alice, { title: 'Temporary' });
    await tasks.delete(alice, task.id);
    await expect(tasks.get(alice, task.id)).rejects.toBeInstanceOf(TaskNotFoundError);
  });

  it('deletes several tasks together, in the order asked, announcing each', async () => {
    const first = await tasks.add(alice, { title: 'Old one' });
    const second = await tasks.add(alice, { title: 'Older one' });
    const events: AnyBusEvent[] = [];
    const stop = testApp.app.bus.subscribe('task.deleted', (event) => void events.push(event));
    const deleted = await tasks.deleteMany(alice, [second.id, first.id, second.id]);
    stop();
    expect(deleted.map((task) => task.title)).toEqual(['Older one', 'Old one']);
    expect(events).toHaveLength(2);
    await expect(tasks.get(alice, first.id)).rejects.toBeInstanceOf(TaskNotFoundError);
  });

  it('deletes none of several tasks when one is another user’s', async () => {
    const mine = await tasks.add(alice, { title: 'Mine' });
    const theirs = await tasks.add(bob, { title: 'Theirs' });
    await expect(tasks.deleteMany(alice, [mine.id, theirs.id])).rejects.toBeInstanceOf(TaskNotFoundError);
    expect((await tasks.get(alice, mine.id)).title).toBe('Mine');
    expect((await tasks.get(bob, theirs.id)).title).toBe('Theirs');
  });

  it('does not let another user see, change, complete or delete the task', async () => {
    const task = await tasks.add(alice, { title: 'Private' });
    await expect(tasks.get(bob, task.id)).rejects.toBeInstanceOf(TaskNotFoundError);
    await expect(tasks.update(bob, task.id, { title: 'Hijacked' })).rejects.toBeInstanceOf(TaskNotFoundError);
    await expect(tasks.complete(bob, task.id)).rejects.toBeInstanceOf(TaskNotFoundError);
    await expect(tasks.delete(bob, task.id)).rejects.toBeInstanceOf(TaskNotFoundError);
    await expect(tasks.deleteMany(bob, [task.id])).rejects.toBeInstanceOf(TaskNotFoundError);
    expect((await tasks.get(alice, task.id)).title).toBe('Private');
  });

  it('rejects a bad title or due date, naming the field', async () => {
    await expect(tasks.add(alice, { title: '' })).rejects.toThrow();
    await expect(tasks.add(alice, { title: 'x'.repeat(256) })).rejects.toThrow();
    const result = await testApp.app.tools
      .call(alice, 'add_task', { title: 'Dated', due_date: 'next tuesday' })
      .catch((error) => error);
    expect(result).toBeInstanceOf(InvalidInputError);
    expect(result.field).toBe('due_date');
  });
});
