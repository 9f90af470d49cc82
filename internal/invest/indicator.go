package invest

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// IndicatorPrefix starts the code of an evaluation indicator that is a
// metric of the ledger: "invest.funds_outside_province", or with a
// minimum 协议投资额 in 亿元, "invest.signed_count.min5" (the projects
// signed of at least 5 亿元). A county or zone method reads it for its
// period from the ledger as of the run's revision.
const IndicatorPrefix = "invest."

// MetricIndicator is a parsed metric indicator code.
type MetricIndicator struct {
	Column    string // one of Columns but "unit"
	MinAmount Amount // 0: every project
}

// ParseMetricIndicator reads an indicator code naming a metric; ok is
// false for any other code, err set for an invest code that names no
// metric.
func ParseMetricIndicator(code string) (mi MetricIndicator, ok bool, err error) {
	rest, found := strings.CutPrefix(code, IndicatorPrefix)
	if !found {
		return mi, false, nil
	}
	col, opt, _ := strings.Cut(rest, ".")
	if col == "unit" || !slices.Contains(Columns, col) {
		return mi, true, fmt.Errorf("invest: %q names no metric (one of %s)", code, strings.Join(Columns[1:], ", "))
	}
	mi.Column = col
	if opt != "" {
		n, found := strings.CutPrefix(opt, "min")
		v, perr := strconv.ParseFloat(n, 64)
		if !found || perr != nil || v <= 0 {
			return mi, true, fmt.Errorf("invest: %q: the option must be minN, N 亿元 > 0", code)
		}
		mi.MinAmount = Amount(v * AmountScale)
	}
	return mi, true, nil
}

// Filter returns the ledger with only the original projects of at least
// mi.MinAmount, their increases and the funds of both; l itself when there
// is no minimum.
func (mi MetricIndicator) Filter(l *Ledger) *Ledger {
	if mi.MinAmount == 0 {
		return l
	}
	keep := make([]int, len(l.Projects)) // new position + 1, 0 for dropped
	big := map[string]bool{}
	for i := range l.Projects {
		if p := &l.Projects[i]; !p.IsIncrease() && p.Amount >= mi.MinAmount {
			big[p.ID] = true
		}
	}
	out := &Ledger{}
	for i := range l.Projects {
		p := &l.Projects[i]
		if big[p.ID] || (p.IsIncrease() && big[p.IncreaseOf]) {
			out.Projects = append(out.Projects, *p)
			keep[i] = len(out.Projects)
		}
	}
	for _, f := range l.Funds {
		if k := keep[f.Project]; k > 0 {
			f.Project = k - 1
			out.Funds = append(out.Funds, f)
		}
	}
	return out
}

// Value returns the metric of row r.
func (mi MetricIndicator) Value(r *Row) float64 {
	i := slices.Index(Columns, mi.Column)
	return r.Values(false)[i-1]
}
