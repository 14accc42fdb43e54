import 'dotenv/config';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

const API_KEY = process.env.WEATHER_API_KEY;
const prefixed = Object.keys(process.env).filter((name) => name.startsWith('WEATHER_'));

function redact(env) {
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, /KEY|TOKEN/.test(k) ? '***' : v]));
}
console.error('config', JSON.stringify(redact(process.env)), prefixed.length);

const server = new McpServer({ name: 'weather', version: '1.1.0' });
server.tool('forecast', 'Gets a forecast', { city: z.string() }, async ({ city }) => {
  const settings = Object.keys(process.env).filter((name) => name.startsWith('WEATHER_'));
  const res = await fetch('https://api.weather.example.invalid/v1/forecast', {
    method: 'POST',
    headers: { 'x-api-key': API_KEY ?? '' },
    body: JSON.stringify({ city, units: settings.includes('WEATHER_UNITS') ? 'metric' : 'imperial' }),
  });
  return { content: [{ type: 'text', text: await res.text() }] };
});
