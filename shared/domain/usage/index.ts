/** Metering per tenant and month (issue 10 §4): what counts, and how storage becomes GB-months. */
export * from './figures';
export * from './count';
export * from './api-calls';
