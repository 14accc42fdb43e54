import { filesystemRootExposed } from '../../../src/rules/config/filesystem-root-exposed.js';
import { ruleTester } from './rule-tester.js';

const FS = '@modelcontextprotocol/server-filesystem@2025.8.21';

ruleTester(filesystemRootExposed, {
  valid: [
    {
      name: 'project folders',
      servers: [{ command: 'npx', args: ['-y', FS, '/Users/alice/Desktop', '/Users/alice/code/app'] }],
    },
    { name: 'a subfolder of home with ~', servers: [{ command: 'npx', args: ['-y', FS, '~/projects'] }] },
    {
      name: 'a Windows project folder',
      servers: [{ command: 'cmd', args: ['/c', 'npx', '-y', FS, 'C:\\Users\\alice\\Documents\\notes'] }],
    },
    {
      name: 'a server that is not a filesystem server given /',
      servers: [{ command: 'npx', args: ['-y', '@modelcontextprotocol/server-git@1.0.0', '/'] }],
    },
    {
      name: 'the filesystem image in docker: container paths',
      servers: [
        {
          command: 'docker',
          args: ['run', '-i', '--rm', '-v', '/Users/alice/app:/projects/app', 'mcp/filesystem', '/projects'],
        },
      ],
    },
    {
      name: 'a folder whose name only starts like a home',
      servers: [{ command: 'npx', args: ['-y', FS, '/home/alice/work'] }],
    },
  ],
  invalid: [
    {
      name: 'the whole disk',
      servers: [{ name: 'files', command: 'npx', args: ['-y', FS, '/'] }],
      hits: [{ field: 'args.2', line: 8, server: 'files', message: 'whole disk' }],
    },
    {
      name: 'a macOS home folder',
      servers: [{ command: 'npx', args: ['-y', FS, '/Users/alice/Desktop', '/Users/alice'] }],
      hits: [{ field: 'args.3', line: 9, message: 'home folder' }],
    },
    {
      name: 'a Linux home folder with a trailing slash',
      servers: [{ command: 'npx', args: ['-y', FS, '/home/alice/'] }],
      hits: [{ field: 'args.2', line: 8 }],
    },
    { name: '~', servers: [{ command: 'npx', args: ['-y', FS, '~'] }], hits: [{ field: 'args.2', line: 8 }] },
    {
      name: '$HOME',
      servers: [{ command: 'npx', args: ['-y', FS, '$HOME'] }],
      hits: [{ field: 'args.2', line: 8 }],
    },
    {
      name: 'VS Code ${userHome}',
      servers: [{ command: 'npx', args: ['-y', FS, '${userHome}'] }],
      hits: [{ field: 'args.2', line: 8 }],
    },
    {
      name: 'C:\\ through cmd /c',
      servers: [{ command: 'cmd', args: ['/c', 'npx', '-y', FS, 'C:\\'] }],
      hits: [{ field: 'args.4', line: 10 }],
    },
    {
      name: 'a Windows home folder',
      servers: [{ command: 'npx', args: ['-y', FS, 'C:\\Users\\alice'] }],
      hits: [{ field: 'args.2', line: 8 }],
    },
    {
      name: 'another filesystem server binary',
      servers: [{ command: '/usr/local/bin/rust-mcp-filesystem', args: ['--allow-write', '/'] }],
      hits: [{ field: 'args.1', line: 7 }],
    },
    {
      name: 'an unpinned filesystem server is still a filesystem server',
      servers: [{ command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem', '/root'] }],
      hits: [{ field: 'args.2', line: 8 }],
    },
  ],
});
