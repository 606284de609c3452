/** The authorization policy in one place: actions, relations, the table and the decision. */
export * from './actions';
export * from './relations';
export * from './table';
export * from './decide';
