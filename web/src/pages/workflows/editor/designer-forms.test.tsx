import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { StepNeeds } from './step-needs';
import { usePipelineItems } from './pipeline-items';

describe("a step's needs, from the keyboard", () => {
  it('lists the steps of its block as checkboxes; Space on one adds or removes it', async () => {
    const onChange = vi.fn();
    render(
      <StepNeeds stepId="publish" siblings={['fetch', 'review']} needs={['fetch']} onChange={onChange} />,
    );
    expect(screen.getByRole('group', { name: 'publish waits for' })).toBeTruthy();
    screen.getByRole('checkbox', { name: 'review' }).focus();
    await userEvent.keyboard(' ');
    expect(onChange).toHaveBeenLastCalledWith(['fetch', 'review']);
    screen.getByRole('checkbox', { name: 'fetch' }).focus();
    await userEvent.keyboard(' ');
    expect(onChange).toHaveBeenLastCalledWith([]);
  });

  it('says so when nothing else is in the block', () => {
    render(<StepNeeds stepId="only" siblings={[]} needs={[]} onChange={vi.fn()} />);
    expect(screen.getByText('No other step in its block to wait for.')).toBeTruthy();
  });
});

function ItemsForm({ onRead }: { onRead: (value: unknown) => void }) {
  const items = usePipelineItems();
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onRead(items.read());
      }}
    >
      {items.fields}
      <button type="submit">Run</button>
    </form>
  );
}

describe("a pipeline's items in its run form", () => {
  it('asks for them, then gives the run input field of the source chosen', async () => {
    const onRead = vi.fn();
    render(<ItemsForm onRead={onRead} />);
    await userEvent.click(screen.getByRole('button', { name: 'Run' }));
    expect(onRead).toHaveBeenLastCalledWith(null);
    expect(screen.getByText('Say which items to run over.')).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Tag'), 'batch');
    await userEvent.click(screen.getByRole('button', { name: 'Run' }));
    expect(onRead).toHaveBeenLastCalledWith({ tag: 'batch' });
    await userEvent.selectOptions(screen.getByLabelText('Run over'), 'texts');
    await userEvent.clear(screen.getByLabelText('Texts'));
    await userEvent.type(screen.getByLabelText('Texts'), 'one{enter}{enter}two');
    await userEvent.click(screen.getByRole('button', { name: 'Run' }));
    expect(onRead).toHaveBeenLastCalledWith({ texts: ['one', 'two'] });
  });
});
