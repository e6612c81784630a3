import { type AgentCard, AgentCard as AgentCardJson } from '@a2a-js/sdk';
import type { AgentLike } from '../marketplace/agent-source.js';
import { version } from '../../../version.js';

/** Where an agent answers A2A calls (JSON-RPC), under the instance's address. */
export const a2aAgentPath = (agentId: string) => `/a2a/agents/${encodeURIComponent(agentId)}`;

/**
 * The Agent Card of one of our agents: its name and description, a skill per capability, the
 * JSON-RPC endpoint, and how to authenticate (an API key or OAuth access token as a bearer token).
 */
export function agentCardOf(agent: AgentLike, baseUrl: string): AgentCard {
  return {
    name: agent.name,
    description: agent.description,
    supportedInterfaces: [
      {
        url: `${baseUrl}${a2aAgentPath(agent.id)}`,
        protocolBinding: 'JSONRPC',
        tenant: '',
        protocolVersion: '1.0',
      },
    ],
    provider: { organization: 'Switchboard', url: baseUrl },
    version: String(agent.version),
    capabilities: { streaming: true, pushNotifications: false, extensions: [], extendedAgentCard: false },
    securitySchemes: {
      bearer: {
        scheme: {
          $case: 'httpAuthSecurityScheme',
          value: {
            scheme: 'Bearer',
            bearerFormat: '',
            description: `A Switchboard API key (api:write) or OAuth access token; Switchboard ${version}`,
          },
        },
      },
    },
    securityRequirements: [{ schemes: { bearer: { list: [] } } }],
    defaultInputModes: ['text/plain'],
    defaultOutputModes: ['text/plain'],
    skills: agent.definition.capabilities.map((capability) => ({
      id: capability.name,
      name: capability.name,
      description: capability.description,
      tags: [],
      examples: [],
      inputModes: [],
      outputModes: [],
      securityRequirements: [],
    })),
    signatures: [],
  };
}

/** The card as served: protobuf JSON, which the A2A clients read. */
export function agentCardJson(card: AgentCard): unknown {
  return AgentCardJson.toJSON(card);
}
