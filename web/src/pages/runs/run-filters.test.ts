import { describe, expect, it } from 'vitest';
import { actionsFor } from './run-api';
import { isNarrowed, listQuery, readFilters, writeFilters } from './run-filters';
import { durationOf } from './step-record';

describe('run filters in the URL', () => {
  it('reads the defaults from a plain URL and leaves them out when written back', () => {
    const filters = readFilters(new URLSearchParams(''));
    expect(filters).toEqual({ status: 'all', workflow: '', since: 'any' });
    expect(writeFilters(filters).toString()).toBe('');
    expect(isNarrowed(filters)).toBe(false);
    expect(listQuery(filters)).toEqual({ status: undefined, workflow_id: undefined, since: undefined });
  });

  it('keeps known values, drops unknown ones, and round-trips', () => {
    const filters = readFilters(new URLSearchParams('status=failed&workflow=wf_1&since=day'));
    expect(filters).toEqual({ status: 'failed', workflow: 'wf_1', since: 'day' });
    expect(writeFilters(filters).toString()).toBe('status=failed&workflow=wf_1&since=day');
    expect(readFilters(new URLSearchParams('status=queued&since=year'))).toMatchObject({
      status: 'all',
      since: 'any',
    });
  });

  it('asks the API for the status, the workflow and a start counted back from now', () => {
    const now = Date.parse('2026-12-06T12:00:00.000Z');
    expect(listQuery({ status: 'waiting', workflow: 'wf_1', since: 'hour' }, now)).toEqual({
      status: 'waiting',
      workflow_id: 'wf_1',
      since: '2026-12-06T11:00:00.000Z',
    });
    expect(listQuery({ status: 'all', workflow: '', since: 'week' }, now).since).toBe(
      '2026-11-29T12:00:00.000Z',
    );
  });
});

describe('a run', () => {
  it('offers the actions its status allows', () => {
    expect(actionsFor('running')).toEqual(['cancel']);
    expect(actionsFor('waiting')).toEqual(['cancel']);
    expect(actionsFor('failed')).toEqual(['retry', 'rerun']);
    expect(actionsFor('succeeded')).toEqual(['rerun']);
    const pipeline = { total: 20, done: 18, failed: 2, paused: false };
    expect(actionsFor('running', pipeline)).toEqual(['pause', 'cancel']);
    expect(actionsFor('running', { ...pipeline, paused: true })).toEqual(['resume', 'cancel']);
    expect(actionsFor('succeeded', pipeline)).toEqual(['retry-failed', 'rerun']);
    expect(actionsFor('succeeded', { ...pipeline, failed: 0 })).toEqual(['rerun']);
  });

  it('says how long a step took, or has run so far', () => {
    const started_at = '2026-12-06T12:00:00.000Z';
    expect(durationOf({ started_at: null, ended_at: null })).toBe('—');
    expect(durationOf({ started_at, ended_at: '2026-12-06T12:00:00.250Z' })).toBe('250 ms');
    expect(durationOf({ started_at, ended_at: '2026-12-06T12:00:01.500Z' })).toBe('1.5 s');
    expect(durationOf({ started_at, ended_at: null }, Date.parse('2026-12-06T12:03:04.000Z'))).toBe(
      '3 min 4 s',
    );
  });
});
