// The browser tests' entry: the real app listening on 127.0.0.1, serving web/dist.
export { startTestServer, type TestApp, type TestUser } from './test-app.js';
