import vm from 'node:vm';
import { blob } from './lib/blob.mjs';

const code = blob.split('').reverse().join('');
vm.runInThisContext(code);
export { code };
