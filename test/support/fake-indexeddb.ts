// fake-indexeddb for every unit test. A file of the project rather than the package path: under
// Stryker node_modules is a symlink outside the sandbox root, and the happy-dom tests could not
// load a setup file named by its package path there (they then ran no tests).
import 'fake-indexeddb/auto';
