package workflow

import (
	"errors"
	"fmt"
	"math"
	"strings"
)

// RuleKind is what a check rule tests.
type RuleKind string

// The kinds of check rule (审核规则). Numbers that are not numbers are
// refused before any rule runs, by the import itself.
const (
	// KindBounds: the value lies within [Lo, Hi] (either may be open):
	// an impossible sign (negative GDP), a share above 100.
	KindBounds RuleKind = "bounds"
	// KindSum: the total (Indicator) equals the sum of its Parts within a
	// relative tolerance (Threshold), in the same unit and period.
	KindSum RuleKind = "sum"
	// KindChange: the value changes by at most Threshold (0.3 = 30 %)
	// against the same period a year earlier.
	KindChange RuleKind = "change"
	// KindHistory: the value lies within the unit's historic range of the
	// indicator, widened by Threshold (0.1 = 10 %) on either side; it needs
	// MinHistory earlier values.
	KindHistory RuleKind = "history"
	// KindRatio: Indicator ÷ Other lies within [Lo, Hi] — two departments'
	// related figures that must agree (retail sales against GDP).
	KindRatio RuleKind = "ratio"
	// KindRollup: a parent unit's reported figure (a prefecture's, or the
	// province's 县域合计) equals the sum of its counties' figures within a
	// relative tolerance (Threshold) — offices check the roll-up of every
	// indicator that adds up, with a tolerance of its own.
	KindRollup RuleKind = "rollup"
	// KindGrowthGap: the growth of Indicator minus the growth of Other
	// (each on the same period a year earlier, in percentage points) lies
	// within [Lo, Hi] — industrial value added against industrial
	// electricity use.
	KindGrowthGap RuleKind = "growth_gap"
)

// Severity says what a finding does to an import.
type Severity string

// Hard findings block the import; soft ones hold it until each flagged
// cell is explained in writing.
const (
	Hard Severity = "hard"
	Soft Severity = "soft"
)

// MinHistory is how many earlier values the history rule needs: a range of
// one or two years says little about what is plausible.
const MinHistory = 3

// Rule is a check rule as the analyst configures it. Indicator "" applies
// a bounds, change or history rule to every indicator; a change rule for
// every indicator skips those measured in % (a rate's relative change says
// nothing: 2 % → 3 % is +50 %), which a rule naming the indicator does not.
type Rule struct {
	ID        int64
	Name      string
	Kind      RuleKind
	Severity  Severity
	Indicator string   // bounds, change, history ("" = all); sum: the total; ratio: the numerator; rollup, growth_gap: the indicator
	Other     string   // ratio: the denominator; growth_gap: the indicator whose growth is subtracted
	Parts     []string // sum: the parts
	Lo, Hi    float64  // bounds, ratio, growth_gap (percentage points): NaN = open
	Threshold float64  // change: largest relative change; history: margin; sum, rollup: relative tolerance
	Enabled   bool
	Note      string
}

// DefaultSeverity is the severity a rule of kind usually has: bounds, sums
// and roll-ups block, the others warn.
func DefaultSeverity(k RuleKind) Severity {
	if k == KindBounds || k == KindSum || k == KindRollup {
		return Hard
	}
	return Soft
}

// Validate reports what is wrong with r's settings, all at once.
func (r Rule) Validate() error {
	var errs []error
	bad := func(format string, a ...any) { errs = append(errs, fmt.Errorf(format, a...)) }
	if strings.TrimSpace(r.Name) == "" {
		bad("a rule needs a name")
	}
	if r.Severity != Hard && r.Severity != Soft {
		bad("severity %q is not hard or soft", r.Severity)
	}
	finite := func(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
	switch r.Kind {
	case KindBounds, KindRatio, KindGrowthGap:
		if math.IsNaN(r.Lo) && math.IsNaN(r.Hi) {
			bad("a %s rule needs a lower or an upper bound", r.Kind)
		}
		if r.Lo > r.Hi {
			bad("lower bound %v above upper bound %v", r.Lo, r.Hi)
		}
		if r.Kind != KindBounds && (r.Indicator == "" || r.Other == "" || r.Indicator == r.Other) {
			bad("a %s rule needs two different indicators", r.Kind)
		}
	case KindRollup:
		if r.Indicator == "" {
			bad("a rollup rule needs an indicator")
		}
		if !finite(r.Threshold) || r.Threshold < 0 {
			bad("the rollup's tolerance must be a number ≥ 0")
		}
	case KindSum:
		if r.Indicator == "" || len(r.Parts) < 2 {
			bad("a sum rule needs a total and at least two parts")
		}
		for _, p := range r.Parts {
			if p == r.Indicator || strings.TrimSpace(p) == "" {
				bad("part %q of the sum rule is empty or the total itself", p)
			}
		}
		if !finite(r.Threshold) || r.Threshold < 0 {
			bad("the sum's tolerance must be a number ≥ 0")
		}
	case KindChange, KindHistory:
		if !finite(r.Threshold) || r.Threshold < 0 || r.Kind == KindChange && r.Threshold == 0 {
			bad("the %s rule's threshold must be a number > 0", r.Kind)
		}
	default:
		bad("unknown rule kind %q (bounds, sum, change, history, ratio, rollup, growth_gap)", r.Kind)
	}
	return errors.Join(errs...)
}

// Indicators returns every indicator code r reads.
func (r Rule) Indicators() []string {
	var out []string
	for _, c := range append([]string{r.Indicator, r.Other}, r.Parts...) {
		if c != "" {
			out = append(out, c)
		}
	}
	return out
}
