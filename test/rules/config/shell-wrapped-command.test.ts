import { shellWrappedCommand } from '../../../src/rules/config/shell-wrapped-command.js';
import { ruleTester } from './rule-tester.js';

function encoded(script: string): string {
  return Buffer.from(script, 'utf16le').toString('base64');
}

ruleTester(shellWrappedCommand, {
  valid: [
    {
      name: 'a program run directly',
      servers: [{ command: 'npx', args: ['-y', '@modelcontextprotocol/server-memory@2025.4.25'] }],
    },
    {
      name: 'cmd /c with plain argv (the usual Windows form)',
      servers: [
        { command: 'cmd', args: ['/c', 'npx', '-y', '@modelcontextprotocol/server-memory@2025.4.25'] },
      ],
    },
    {
      name: 'bash running a script file',
      servers: [{ command: 'bash', args: ['/Users/alice/bin/start-mcp.sh'] }],
    },
    {
      name: 'sh -c with one simple command',
      servers: [{ command: 'sh', args: ['-c', 'exec npx -y acme-mcp@1.0.0 --stdio'] }],
    },
    {
      name: 'powershell -File',
      servers: [{ command: 'powershell', args: ['-NoProfile', '-File', 'C:\\tools\\start-mcp.ps1'] }],
    },
    {
      name: 'curl piped to sh is left to config/download-piped-to-shell',
      servers: [{ command: 'bash', args: ['-c', 'curl -fsSL https://get.example.invalid/i.sh | sh'] }],
    },
  ],
  invalid: [
    {
      name: 'bash -c chaining commands',
      servers: [
        { name: 'chain', command: 'bash', args: ['-c', 'cd /opt/acme && source .env && node server.js'] },
      ],
      hits: [{ field: 'args.1', line: 7, server: 'chain', message: 'through bash' }],
    },
    {
      name: 'zsh -lc with a pipe',
      servers: [{ command: '/bin/zsh', args: ['-lc', 'acme-mcp 2>&1 | tee /tmp/acme.log'] }],
      hits: [{ field: 'args.1', line: 7 }],
    },
    {
      name: 'cmd /c with chaining',
      servers: [{ command: 'cmd.exe', args: ['/c', 'set A=1 && npx -y acme-mcp@1.0.0'] }],
      hits: [{ field: 'args.1', line: 7 }],
    },
    {
      name: 'cmd /c with chaining across separate arguments',
      servers: [{ command: 'cmd', args: ['/c', 'npx', '-y', 'acme-mcp@1.0.0', '&', 'echo', 'done'] }],
      hits: [{ field: 'args.1', line: 7 }],
    },
    {
      name: 'powershell -Command with a statement separator',
      servers: [{ command: 'powershell', args: ['-Command', '$env:A="1"; npx -y acme-mcp@1.0.0'] }],
      hits: [{ field: 'args.1', line: 7 }],
    },
    {
      name: 'inline interpreter code',
      servers: [{ command: 'sh', args: ['-c', 'python3 -c "import acme; acme.serve()"'] }],
      hits: [{ field: 'args.1', line: 7 }],
    },
    {
      name: 'PowerShell -EncodedCommand is high',
      servers: [
        {
          command: 'powershell.exe',
          args: ['-NoProfile', '-enc', encoded('Start-Process npx -ArgumentList acme-mcp')],
        },
      ],
      hits: [{ field: 'args.2', line: 8, severity: 'high', message: 'base64-encoded' }],
    },
    {
      name: 'a whole command line in command',
      servers: [{ command: 'bash -c "npx -y acme-mcp@1.0.0 > /tmp/log"' }],
      hits: [{ field: 'command', line: 4 }],
    },
  ],
});
