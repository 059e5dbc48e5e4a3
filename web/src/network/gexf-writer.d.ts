// graphology-gexf's writer alone (its browser entry also loads a parser that needs DOMParser at
// import time, which the unit tests' Node lacks). Same signature as the package's `write`.
declare module 'graphology-gexf/browser/writer' {
  import type { write as gexfWrite } from 'graphology-gexf/browser';
  const write: typeof gexfWrite;
  export = write;
}
