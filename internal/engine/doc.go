// Package engine is the pure evaluation engine of qiangxian: denominate,
// impute, screen, treat, normalise, aggregate and rank, with the semantics
// of COINr (the JRC composite-indicator toolkit) wherever COINr has the
// method. It performs no I/O: slices and structs in, results out. Every step
// keeps its data set, so any stage can be exported and inspected.
//
// Missing values are NaN throughout (see NA and IsNA).
package engine
