// Loaded before every test file: a test that writes to the console fails.
for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
  console[method] = (...args: unknown[]) => {
    throw new Error(`console.${method} called during a test: ${args.map(String).join(' ').slice(0, 200)}`);
  };
}
