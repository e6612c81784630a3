import { z } from 'zod';
import { InvalidInputError } from '../../../errors.js';
import { defineTool, type Tool } from '../../../tools/tool.js';
import type { MailboxAddress, MailboxService } from '../service/mailbox.js';
import {
  agentMessageSchema,
  receiveAgentMessagesBodySchema,
  receivedAgentMessagesSchema,
  sendAgentMessageBodySchema,
} from './schema.js';

/** The mailbox tools' names. */
export const mailboxToolNames = {
  send: 'send_agent_message',
  receive: 'receive_agent_messages',
  ack: 'ack_agent_message',
} as const;

const addressSchema = z.object({
  agent: z.string().min(1).max(100).optional().describe('The agent’s id or name (its own mailbox)'),
  run_id: z.string().min(1).max(300).optional().describe('Or an agent run’s id (that run’s mailbox)'),
});

function addressOf({ agent, run_id }: z.infer<typeof addressSchema>): MailboxAddress {
  if (agent && !run_id) return { agent };
  if (run_id && !agent) return { run_id };
  throw new InvalidInputError('Name either agent or run_id', { field: 'agent' });
}

const describeMessage = (message: z.infer<typeof agentMessageSchema>) =>
  `${message.id} (${message.status}, attempt ${message.attempts}/${message.max_attempts}${
    message.correlation_id ? `, correlation ${message.correlation_id}` : ''
  }): ${JSON.stringify(message.payload).slice(0, 300)}`;

/** Messages between agents as tools (MCP, chat, workflows). */
export function mailboxTools(mailbox: MailboxService): Tool[] {
  return [
    defineTool({
      name: mailboxToolNames.send,
      title: 'Send a message to an agent',
      toolset: 'Agents',
      description:
        'Sends a JSON payload to an agent’s mailbox (agent) or an agent run’s (run_id). With capability, the payload must fit that capability’s input_schema. Set correlation_id and reply_to so the receiver can answer. The message is redelivered until acknowledged, then goes to the dead letters.',
      input: addressSchema.extend(sendAgentMessageBodySchema.shape),
      output: z.object({ message: agentMessageSchema }),
      run: async (actor, { agent, run_id, ...body }) => ({
        message: await mailbox.send(actor, addressOf({ agent, run_id }), body),
      }),
      summarize: ({ message }) => `Sent ${describeMessage(message)}.`,
    }),
    defineTool({
      name: mailboxToolNames.receive,
      title: 'Receive agent messages',
      toolset: 'Agents',
      description:
        'Takes the waiting messages of an agent’s mailbox (agent) or an agent run’s (run_id), oldest first, waiting up to timeout_ms for a first one. Acknowledge each with ack_agent_message once handled, or it is delivered again.',
      input: addressSchema.extend(receiveAgentMessagesBodySchema.shape),
      output: receivedAgentMessagesSchema,
      run: (actor, { agent, run_id, ...body }) => mailbox.receive(actor, addressOf({ agent, run_id }), body),
      summarize: ({ items }) =>
        items.length === 0
          ? 'No messages.'
          : items.map((message) => `- ${describeMessage(message)}`).join('\n'),
    }),
    defineTool({
      name: mailboxToolNames.ack,
      title: 'Acknowledge an agent message',
      toolset: 'Agents',
      description:
        'Acknowledges a received message by its id: it is handled and will not be delivered again.',
      input: z.object({ message_id: z.string().min(1).max(100) }),
      output: z.object({ message: agentMessageSchema }),
      run: async (actor, { message_id }) => ({ message: await mailbox.ack(actor, message_id) }),
      summarize: ({ message }) => `Acknowledged ${message.id}.`,
    }),
  ];
}
