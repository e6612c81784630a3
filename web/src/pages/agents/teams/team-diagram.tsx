import type { TeamView } from './team-api';

interface Node {
  label: string;
  x: number;
  y: number;
}

const boxWidth = 130;
const boxHeight = 30;

/** The nodes and arrows of a pattern, laid out on a small grid (members by index). */
function layout(team: Pick<TeamView, 'pattern' | 'members' | 'options'>, nameOf: (agent: string) => string) {
  const names = team.members.map((member) => nameOf(member.agent) + (member.role ? ` (${member.role})` : ''));
  const column = (index: number) => 10 + index * (boxWidth + 44);
  switch (team.pattern) {
    case 'pipeline': {
      const nodes = names.map((label, index) => ({ label, x: column(index), y: 10 }));
      return {
        nodes,
        arrows: nodes.slice(1).map((_, index) => [index, index + 1] as const),
        note: 'in order; a failure undoes the earlier steps',
      };
    }
    case 'vote': {
      const nodes: Node[] = names.map((label, index) => ({ label, x: column(index), y: 10 }));
      const middle = (column(names.length - 1) + column(0)) / 2;
      nodes.push({ label: `vote: ${team.options.strategy}`, x: middle, y: 80 });
      return {
        nodes,
        arrows: names.map((_, index) => [index, names.length] as const),
        note: 'each answers; one answer is chosen',
      };
    }
    case 'review': {
      const nodes = names.map((label, index) => ({ label, x: column(index), y: 10 + (index % 2) * 0 }));
      const arrows = nodes.length >= 2 ? [[0, 1] as const, [1, 0] as const] : [];
      return {
        nodes,
        arrows,
        note: `writer and critic, up to ${team.options.max_rounds} rounds, until ${team.options.approval_marker}`,
      };
    }
    case 'supervisor': {
      const supervisorAt = Math.max(
        0,
        team.members.findIndex((member) => member.role === 'supervisor'),
      );
      const workers = names
        .map((label, index) => ({ label, index }))
        .filter(({ index }) => index !== supervisorAt);
      const middle = workers.length > 0 ? (column(workers.length - 1) + column(0)) / 2 : column(0);
      const nodes: Node[] = [];
      nodes[supervisorAt] = { label: names[supervisorAt] ?? '', x: middle, y: 10 };
      workers.forEach(({ label, index }, position) => (nodes[index] = { label, x: column(position), y: 80 }));
      return {
        nodes,
        arrows: workers.map(({ index }) => [supervisorAt, index] as const),
        note: 'the supervisor hands work to the others',
      };
    }
  }
}

/** A name cut to fit its box. */
const fit = (label: string) => (label.length > 20 ? `${label.slice(0, 19)}…` : label);

/**
 * A team's pattern drawn as boxes and arrows (plain SVG): a pipeline in a row, a supervisor above
 * its workers, a writer and critic passing work back and forth, voters feeding the vote. An image
 * with a text description for screen readers.
 */
export function TeamDiagram({
  team,
  nameOf,
}: {
  team: Pick<TeamView, 'name' | 'pattern' | 'members' | 'options'>;
  nameOf: (agent: string) => string;
}) {
  const { nodes, arrows, note } = layout(team, nameOf);
  const width = Math.max(...nodes.map((node) => node.x + boxWidth), 150) + 10;
  const height = Math.max(...nodes.map((node) => node.y + boxHeight), 50) + 10;
  const description = `${team.pattern}: ${team.members.map((member) => nameOf(member.agent)).join(', ')}; ${note}`;
  return (
    <figure className="overflow-x-auto">
      <svg
        role="img"
        aria-label={`The ${team.name} team as a diagram. ${description}`}
        viewBox={`0 0 ${width} ${height}`}
        className="max-h-40 min-w-0"
        width={width}
        height={height}
      >
        <defs>
          <marker
            id="team-arrow"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="6"
            markerHeight="6"
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" className="fill-neutral-600 dark:fill-neutral-300" />
          </marker>
        </defs>
        {arrows.map(([from, to], index) => {
          const start = nodes[from];
          const end = nodes[to];
          if (!start || !end) return null;
          const sameRow = start.y === end.y;
          const bend =
            sameRow && from > to ? 14 : sameRow && arrows.some(([a, b]) => a === to && b === from) ? -6 : 0;
          const x1 = sameRow ? start.x + (from < to ? boxWidth : 0) : start.x + boxWidth / 2;
          const x2 = sameRow ? end.x + (from < to ? 0 : boxWidth) : end.x + boxWidth / 2;
          const y1 = sameRow ? start.y + boxHeight / 2 + bend : start.y + (start.y < end.y ? boxHeight : 0);
          const y2 = sameRow ? end.y + boxHeight / 2 + bend : end.y + (start.y < end.y ? 0 : boxHeight);
          return (
            <line
              key={index}
              x1={x1}
              y1={y1}
              x2={x2}
              y2={y2}
              markerEnd="url(#team-arrow)"
              className="stroke-neutral-600 dark:stroke-neutral-300"
              strokeWidth={1.5}
            />
          );
        })}
        {nodes.map((node, index) =>
          node ? (
            <g key={index}>
              <rect
                x={node.x}
                y={node.y}
                width={boxWidth}
                height={boxHeight}
                rx={6}
                className="fill-white stroke-blue-700 dark:fill-neutral-900 dark:stroke-blue-400"
              />
              <text
                x={node.x + boxWidth / 2}
                y={node.y + boxHeight / 2 + 4}
                textAnchor="middle"
                className="fill-neutral-900 text-[11px] dark:fill-neutral-100"
              >
                {fit(node.label)}
              </text>
            </g>
          ) : null,
        )}
      </svg>
      <figcaption className="text-xs text-neutral-600 dark:text-neutral-400">{description}</figcaption>
    </figure>
  );
}
