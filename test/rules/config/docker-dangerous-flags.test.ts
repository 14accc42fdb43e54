import { dockerDangerousFlags } from '../../../src/rules/config/docker-dangerous-flags.js';
import { ruleTester } from './rule-tester.js';

const IMAGE = 'mcp/acme@sha256:' + '4c3ba6e5b7a9b0d1f2e3c4d5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5';

ruleTester(dockerDangerousFlags, {
  valid: [
    {
      name: 'the usual -i --rm with env',
      servers: [
        { command: 'docker', args: ['run', '-i', '--rm', '-e', 'GITHUB_PERSONAL_ACCESS_TOKEN', IMAGE] },
      ],
    },
    {
      name: 'a project folder mounted',
      servers: [
        { command: 'docker', args: ['run', '-i', '--rm', '-v', '/Users/alice/code/app:/workspace', IMAGE] },
      ],
    },
    {
      name: 'a bind mount of a project folder with --mount',
      servers: [
        {
          command: 'docker',
          args: [
            'run',
            '-i',
            '--rm',
            '--mount',
            'type=bind,src=/Users/alice/Desktop,dst=/projects/Desktop',
            IMAGE,
          ],
        },
      ],
    },
    {
      name: 'a named volume',
      servers: [{ command: 'docker', args: ['run', '-i', '--rm', '-v', 'acme-data:/data', IMAGE] }],
    },
    {
      name: 'bridge network and dropped capabilities',
      servers: [
        { command: 'docker', args: ['run', '-i', '--rm', '--network', 'bridge', '--cap-drop', 'ALL', IMAGE] },
      ],
    },
    {
      name: 'flags after the image belong to the server',
      servers: [{ command: 'docker', args: ['run', '-i', '--rm', IMAGE, '--privileged'] }],
    },
    { name: 'docker without run', servers: [{ command: 'docker', args: ['mcp', 'gateway', 'run'] }] },
  ],
  invalid: [
    {
      name: '--privileged',
      servers: [{ name: 'box', command: 'docker', args: ['run', '-i', '--rm', '--privileged', IMAGE] }],
      hits: [{ field: 'args.3', line: 9, server: 'box', message: 'privileged' }],
    },
    {
      name: '--network host',
      servers: [{ command: 'docker', args: ['run', '-i', '--network', 'host', IMAGE] }],
      hits: [{ field: 'args.3', line: 9 }],
    },
    {
      name: '--net=host',
      servers: [{ command: 'podman', args: ['run', '-i', '--net=host', IMAGE] }],
      hits: [{ field: 'args.2', line: 8 }],
    },
    {
      name: '--pid host',
      servers: [{ command: 'docker', args: ['run', '-i', '--pid', 'host', IMAGE] }],
      hits: [{ field: 'args.3', line: 9 }],
    },
    {
      name: '--cap-add SYS_ADMIN',
      servers: [{ command: 'docker', args: ['run', '-i', '--cap-add', 'SYS_ADMIN', IMAGE] }],
      hits: [{ field: 'args.3', line: 9 }],
    },
    {
      name: '--cap-add=ALL',
      servers: [{ command: 'docker', args: ['run', '-i', '--cap-add=ALL', IMAGE] }],
      hits: [{ field: 'args.2', line: 8 }],
    },
    {
      name: 'the docker socket mounted with -v',
      servers: [
        {
          command: 'docker',
          args: ['run', '-i', '--rm', '-v', '/var/run/docker.sock:/var/run/docker.sock', IMAGE],
        },
      ],
      hits: [{ field: 'args.4', line: 10, message: 'engine socket' }],
    },
    {
      name: 'the docker socket mounted with --mount, read-only does not help',
      servers: [
        {
          command: 'docker',
          args: [
            'run',
            '-i',
            '--mount',
            'type=bind,source=/var/run/docker.sock,target=/var/run/docker.sock,readonly',
            IMAGE,
          ],
        },
      ],
      hits: [{ field: 'args.3', line: 9 }],
    },
    {
      name: 'the root folder mounted',
      servers: [{ command: 'docker', args: ['run', '-i', '-v', '/:/host', IMAGE] }],
      hits: [{ field: 'args.3', line: 9 }],
    },
    {
      name: 'the home folder mounted with $HOME',
      servers: [{ command: 'docker', args: ['run', '-i', '-v', '$HOME:/root', IMAGE] }],
      hits: [{ field: 'args.3', line: 9 }],
    },
    {
      name: 'the home folder mounted with ~',
      servers: [{ command: 'docker', args: ['run', '-i', '--volume=~/:/home/node', IMAGE] }],
      hits: [{ field: 'args.2', line: 8 }],
    },
    {
      name: 'a macOS home folder',
      servers: [{ command: 'docker', args: ['run', '-i', '-v', '/Users/alice:/data', IMAGE] }],
      hits: [{ field: 'args.3', line: 9 }],
    },
    {
      name: 'a Windows home folder',
      servers: [{ command: 'docker', args: ['run', '-i', '-v', 'C:\\Users\\alice:/data', IMAGE] }],
      hits: [{ field: 'args.3', line: 9 }],
    },
    {
      name: '%USERPROFILE%',
      servers: [{ command: 'docker', args: ['run', '-i', '-v', '%USERPROFILE%:/data', IMAGE] }],
      hits: [{ field: 'args.3', line: 9 }],
    },
    {
      name: 'a read-only home folder is medium',
      servers: [{ command: 'docker', args: ['run', '-i', '-v', '/home/alice:/data:ro', IMAGE] }],
      hits: [{ field: 'args.3', line: 9, severity: 'medium' }],
    },
    {
      name: 'the SSH folder',
      servers: [{ command: 'docker', args: ['run', '-i', '-v', '~/.ssh:/root/.ssh:ro', IMAGE] }],
      hits: [{ field: 'args.3', line: 9, message: 'credentials' }],
    },
    {
      name: 'several flags, one hit each',
      servers: [
        {
          command: 'docker',
          args: [
            'run',
            '--privileged',
            '--network=host',
            '-v',
            '/var/run/docker.sock:/var/run/docker.sock',
            IMAGE,
          ],
        },
      ],
      hits: [
        { field: 'args.1', line: 7 },
        { field: 'args.2', line: 8 },
        { field: 'args.4', line: 10 },
      ],
    },
    {
      name: 'docker behind cmd /c',
      servers: [{ command: 'cmd', args: ['/c', 'docker', 'run', '-i', '--privileged', IMAGE] }],
      hits: [{ field: 'args.4', line: 10 }],
    },
  ],
});
