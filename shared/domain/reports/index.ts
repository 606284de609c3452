/** The report figures (issue 12 §2–3): definitions, periods, counting, recount and assembly. */
export * from './figures';
export * from './periods';
export * from './count';
export * from './recount';
export * from './assemble';
export * from './service-index';
export * from './export-layout';
