import { spawnSync } from 'node:child_process';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigError, configFromEnvironment, DEFAULTS, type ServerConfig } from '../../../server/http';

const parse = (env: Record<string, string>, argv: string[] = []): ServerConfig => {
  const config = configFromEnvironment(env, argv);
  if (config === 'help') throw new Error('unexpected help');
  return config;
};

describe('Given the server settings from the environment and flags', () => {
  test('When nothing is set, Then the defaults are safe for one person: loopback, port 3000, no CORS, no keys, plain HTTP', () => {
    const config = parse({});
    expect(config).toMatchObject({ host: '127.0.0.1', port: 3000, corsOrigins: [], apiKeys: [], tls: null });
    expect(config).toEqual({ ...DEFAULTS, addinDir: resolve(DEFAULTS.addinDir) });
  });

  test('When both are set, Then flags win over TL_* variables, which win over the defaults', () => {
    const env = {
      TL_PORT: '8080',
      TL_HOST: '0.0.0.0',
      TL_MAX_UPLOAD_MB: '50',
      TL_REQUEST_TIMEOUT: '90',
      TL_LOG_LEVEL: 'warn',
    };
    expect(parse(env)).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      maxUploadBytes: 50 * 1024 * 1024,
      requestTimeoutMs: 90_000,
      logLevel: 'warn',
    });
    expect(parse(env, ['--port', '9090', '--max-cells', '500,000'])).toMatchObject({
      port: 9090,
      maxCells: 500_000,
    });
    expect(parse({ PORT: '4000' }).port).toBe(4000);
  });

  test('When CORS origins and API keys are listed, Then they are split on commas and origins normalized', () => {
    const config = parse({
      TL_CORS_ORIGINS: 'https://addin.example.gov, https://localhost:3000/',
      TL_API_KEYS: '0123456789abcdef0123, fedcba9876543210fedc',
    });
    expect(config.corsOrigins).toEqual(['https://addin.example.gov', 'https://localhost:3000']);
    expect(config.apiKeys).toEqual(['0123456789abcdef0123', 'fedcba9876543210fedc']);
  });

  test.each([
    [{ TL_CORS_ORIGINS: '*' }, /not an origin/],
    [{ TL_CORS_ORIGINS: 'https://addin.example.gov/taskpane.html' }, /not an origin/],
    [{ TL_API_KEYS: 'short' }, /shorter than 16 characters/],
    [{ TL_API_KEYS: '' }, /TL_API_KEYS is set but holds no keys/],
    [{ TL_API_KEYS: ' , ,  ' }, /TL_API_KEYS is set but holds no keys/],
    [{ TL_PORT: '70000' }, /port number up to 65535/],
    [{ TL_MAX_JSON_MB: '-1' }, /above 0/],
    [{ TL_LOG_LEVEL: 'loud' }, /must be one of/],
    [{ TL_TLS_CERT: 'server.crt' }, /without a key/],
  ])('When a setting is unusable (%o), Then startup stops with a message saying why', (env, message) => {
    expect(() => parse(env)).toThrow(ConfigError);
    expect(() => parse(env)).toThrow(message);
  });

  test('When --https is given without files, Then the Office dev certificate is used; with --cert and --key, those', () => {
    const dir = join(homedir(), '.office-addin-dev-certs');
    expect(parse({}, ['--https']).tls).toEqual({
      certFile: join(dir, 'localhost.crt'),
      keyFile: join(dir, 'localhost.key'),
    });
    expect(parse({ TL_TLS_CERT: 'a.crt', TL_TLS_KEY: 'a.key' }).tls).toEqual({
      certFile: resolve('a.crt'),
      keyFile: resolve('a.key'),
    });
  });

  test('When an unknown flag or --help is given, Then it is refused, or the usage is returned', () => {
    expect(() => parse({}, ['--prot', '1'])).toThrow(/--help/);
    expect(configFromEnvironment({}, ['--help'])).toBe('help');
  });
});

describe('Given the server started with TL_API_KEYS set but empty', () => {
  test('When it starts, Then it refuses (exit 2) with a message saying why, and never listens', () => {
    const root = join(__dirname, '..', '..', '..');
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'server', 'main.ts')], {
      cwd: root,
      env: { ...process.env, TL_API_KEYS: ' , ', TL_PORT: '0', TL_HOST: '127.0.0.1' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/TL_API_KEYS is set but holds no keys, so the server will not start/);
    expect(run.stderr).not.toMatch(/listening/);
  });
});
