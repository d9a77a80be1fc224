/** The contract shared by the add-in, the server, the CLI and the tests. Import from here. */
export * from './grid';
export * from './issues';
export * from './inputs';
export * from './outputs';
export * from './api';
export * from './a1';
export * from './names';
export * from './ids';
export * from './oversized';
