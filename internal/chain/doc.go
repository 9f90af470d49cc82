// Package chain is the industrial-chain work of investment attraction
// (产业链招商, 链长制): a chain is a DAG of nodes — upstream, midstream and
// downstream — each mapped to GB/T 4754 industry codes so that enterprises
// and ledger projects fall into nodes by themselves; per node and place it
// counts the local enterprises, their output and the projects in the
// pipeline, and marks the weak links (薄弱环节) by rules set per chain.
// Target enterprises move 识别 → 联系 → 拜访 → 洽谈 → 签约.
//
// The package is pure: structs in, figures out; the store keeps chains and
// targets, the web package shows them.
package chain
