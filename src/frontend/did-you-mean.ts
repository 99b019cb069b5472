// The loader suggests names too, and may not import the front end; the code lives with the diagnostics.
export { closest, didYouMean, editDistance } from '../diagnostics/did-you-mean.js';
