import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { settings } from '../../src/config.js';

/**
 * No container runtime runs here (docker's client without a daemon, no base images offline), so the
 * deployment files are checked for what can go wrong without one: a setting that does not exist, a
 * file of the package the image leaves out, a root user, a health check on the wrong path.
 */
const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
const settingNames = new Set(Object.values(settings).map((setting) => setting.env));
/** Variables that are not Switchboard's settings: Node's, Postgres's image's, Caddy's. */
const foreign = new Set(['NODE_ENV', 'POSTGRES_USER', 'POSTGRES_PASSWORD', 'POSTGRES_DB', 'SITE_ADDRESS']);

interface ComposeService {
  image?: string;
  environment?: Record<string, string>;
  volumes?: string[];
}

describe('the deployment files', () => {
  const dockerfile = read('Dockerfile');
  const compose = parse(read('deploy/compose.yaml'), { merge: true }) as {
    services: Record<string, ComposeService>;
  };
  const unit = read('deploy/switchboard.service');

  it('the image: production dependencies, every file of the package, a non-root user, /readyz, a /data volume', () => {
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    const packageFiles = (JSON.parse(read('package.json')) as { files: string[] }).files;
    for (const file of packageFiles) expect(dockerfile).toMatch(new RegExp(`^COPY .*\\b${file}\\b`, 'm'));
    const users = [...dockerfile.matchAll(/^USER (\S+)/gm)].map((match) => match[1]);
    expect(users.at(-1)).toBeDefined();
    expect(users.at(-1)).not.toMatch(/^(root|0)$/);
    expect(dockerfile).toMatch(/^HEALTHCHECK [\s\S]*\/readyz/m);
    expect(dockerfile).toMatch(/^VOLUME \["\/data"\]/m);
    expect(dockerfile).toMatch(/DATA_DIR=\/data/);
  });

  it('names only settings that exist, in the image, the compose file and the systemd unit', () => {
    const named = [
      ...[...dockerfile.matchAll(/^\s*(?:ENV )?([A-Z][A-Z0-9_]+)=/gm)].map((match) => match[1]),
      ...Object.values(compose.services).flatMap((service) => Object.keys(service.environment ?? {})),
      ...[...unit.matchAll(/^Environment=([A-Z][A-Z0-9_]+)=/gm)].map((match) => match[1]),
    ];
    expect(named.length).toBeGreaterThan(5);
    for (const name of named) if (name && !foreign.has(name)) expect(settingNames, name).toContain(name);
  });

  it('compose: two instances on one pgvector Postgres, sharing AUTH_SECRET, each its own INSTANCE_ID, behind Caddy', () => {
    const { postgres, caddy, ...rest } = compose.services;
    expect(postgres?.image).toMatch(/pgvector/);
    expect(caddy?.image).toMatch(/^caddy/);
    const instances = Object.entries(rest).filter(([name]) => name.startsWith('switchboard'));
    expect(instances).toHaveLength(2);
    const environments = instances.map(([, service]) => service.environment ?? {});
    expect(new Set(environments.map((environment) => environment.DATABASE_URL)).size).toBe(1);
    expect(new Set(environments.map((environment) => environment.AUTH_SECRET)).size).toBe(1);
    expect(new Set(environments.map((environment) => environment.INSTANCE_ID)).size).toBe(2);
    for (const environment of environments) expect(environment.TRUST_PROXY).toBe('true');
    const caddyfile = read('deploy/Caddyfile');
    for (const [name] of instances) expect(caddyfile).toContain(`${name}:3000`);
    expect(caddyfile).toMatch(/health_uri \/readyz/);
  });

  it('the systemd unit runs serve as its own user with DATA_DIR in its state directory', () => {
    expect(unit).toMatch(/^User=switchboard$/m);
    expect(unit).toMatch(/^ExecStart=.*switchboard\.js serve$/m);
    expect(unit).toMatch(/^Environment=DATA_DIR=\/var\/lib\/switchboard$/m);
    expect(unit).toMatch(/^StateDirectory=switchboard$/m);
  });
});
