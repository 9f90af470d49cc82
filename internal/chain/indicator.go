package chain

import (
	"fmt"
	"strings"

	"github.com/qiangxian/qiangxian/internal/invest"
)

// IndicatorPrefix starts the code of an evaluation indicator that is a
// chain metric, which a county or zone method reads for its year:
//
//   - chain.signed_projects: ledger projects first signed in the year (not
//     increases, not relocations) on a node of one of the unit's key chains
//     (the chains that list the unit among their places);
//   - chain.weak_filled: the weak links filled in the year, that is the
//     distinct (chain, node) pairs on which a target enterprise of the unit
//     was signed in the year (a target is kept on a weak node).
const IndicatorPrefix = "chain."

// The metrics.
const (
	MetricSignedProjects = "signed_projects"
	MetricWeakFilled     = "weak_filled"
)

// ParseIndicator reads an indicator code naming a chain metric; ok is false
// for any other code, err set for a chain code that names no metric.
func ParseIndicator(code string) (metric string, ok bool, err error) {
	rest, found := strings.CutPrefix(code, IndicatorPrefix)
	if !found {
		return "", false, nil
	}
	if rest != MetricSignedProjects && rest != MetricWeakFilled {
		return "", true, fmt.Errorf("chain: %q names no metric (%s or %s)", code, MetricSignedProjects, MetricWeakFilled)
	}
	return rest, true, nil
}

// Keyed is a chain with the places whose key chain it is.
type Keyed struct {
	Chain  *Chain
	Places []string
}

// Signed is a ledger project as the signing metric reads it.
type Signed struct {
	Project
	Zone       string
	Day        invest.Day // 签约日期, 0 for none
	Increase   bool
	Relocation bool
}

// SignedProjects counts, per county and per zone, the projects first signed
// in year on a node of one of that unit's key chains. A project on a node
// of two key chains of its unit counts once.
func SignedProjects(chains []Keyed, ps []Signed, year int) map[string]int {
	type matched struct {
		c *Chain
		m *Matcher
	}
	byPlace := map[string][]matched{}
	for _, k := range chains {
		mt := matched{k.Chain, NewMatcher(k.Chain)}
		for _, p := range k.Places {
			byPlace[p] = append(byPlace[p], mt)
		}
	}
	out := map[string]int{}
	for i := range ps {
		p := &ps[i]
		if p.Increase || p.Relocation || p.Day == 0 || p.Day/10000 != invest.Day(year) {
			continue
		}
		for _, unit := range []string{p.County, p.Zone} {
			if unit == "" {
				continue
			}
			for _, mt := range byPlace[unit] {
				if NodeOf(mt.c, mt.m, &p.Project) != "" {
					out[unit]++
					break
				}
			}
		}
	}
	return out
}

// SignedTarget is a signed target enterprise as the filling metric reads
// it: its chain, node, county, the zone of the project it became, and the
// day it was signed.
type SignedTarget struct {
	Chain, Node, County, Zone string
	Day                       invest.Day
}

// WeakFilled counts, per county and per zone, the distinct (chain, node)
// pairs with a target signed in year.
func WeakFilled(ts []SignedTarget, year int) map[string]int {
	seen := map[[3]string]bool{}
	out := map[string]int{}
	for _, t := range ts {
		if t.Day == 0 || t.Day/10000 != invest.Day(year) {
			continue
		}
		for _, unit := range []string{t.County, t.Zone} {
			if k := [3]string{unit, t.Chain, t.Node}; unit != "" && !seen[k] {
				seen[k] = true
				out[unit]++
			}
		}
	}
	return out
}
