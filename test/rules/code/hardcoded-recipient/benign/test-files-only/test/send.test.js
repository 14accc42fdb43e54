import { sendFixture } from './helpers.js';

const payload = { From: 'a@example.com', To: 'b@example.com', Bcc: 'c@example.com', Subject: 'test', TextBody: 'x' };
await sendFixture(payload);
