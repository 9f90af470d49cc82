package workflow

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/qiangxian/qiangxian/internal/locale"
)

func init() {
	locale.Register(map[string][2]string{
		"check.bounds":  {"数值 %s 超出允许范围 [%s, %s]（规则：%s）", "value %s outside the allowed range [%s, %s] (rule: %s)"},
		"check.sum":     {"合计 %s 与分项（%s）之和 %s 不符（规则：%s）", "total %s differs from the sum of its parts (%s), %s (rule: %s)"},
		"check.change":  {"较上年同期 %s 变动 %s%%，超过 ±%s%%（规则：%s）", "changes by %s%% on the same period last year (%s), more than ±%s%% (rule: %s)"},
		"check.history": {"数值 %s 超出本单位历史区间 [%s, %s]（%d 个历史数值，规则：%s）", "value %s outside the unit's historic range [%s, %s] (%d earlier values; rule: %s)"},
		"check.ratio":   {"%s ÷ %s = %s，超出合理区间 [%s, %s]（规则：%s）", "%s ÷ %s = %s, outside the plausible range [%s, %s] (rule: %s)"},
		"check.rollup": {"%s 的 %s 为 %s，所辖 %d 个单位之和为 %s，相差 %s%%，超过 %s%%（规则：%s）",
			"%s's %s is %s, the sum of its %d units %s: %s%% apart, more than %s%% (rule: %s)"},
		"check.growthGap": {"%s 增长 %s%%，%s 增长 %s%%，相差 %s 个百分点，超出 [%s, %s]（规则：%s）",
			"%s grew %s%%, %s %s%%: a gap of %s points, outside [%s, %s] (rule: %s)"},
	})
}

// Key names a figure of the period under check: a unit and an indicator.
type Key struct {
	Unit, Indicator string
}

// Figure is a value to check; NaN is a figure reported as missing (NA),
// which no rule judges.
type Figure struct {
	Unit, Indicator string
	Value           float64
}

// Input is what the rules read besides the figures under check: the
// period's figures already stored (the other indicators of a sum or a
// ratio), those of the same period a year earlier, each unit's earlier
// values of the same kind of period, and each indicator's unit of measure.
type Input struct {
	Figures  []Figure
	Stored   map[Key]float64
	Previous map[Key]float64
	History  map[Key][]float64
	Measures map[string]string
	// Children lists each parent unit's counties (a prefecture's, or the
	// province's for its 县域合计), for the rollup rule; their stored
	// figures are in Stored.
	Children map[string][]string
}

// Finding is a rule that a figure breaks. The figure is the one of the
// upload the finding is about (for a sum or a ratio, the total or the
// numerator when the upload holds it, else the first of the others it
// holds).
type Finding struct {
	RuleID    int64
	RuleName  string
	Severity  Severity
	Unit      string
	Indicator string
	Value     float64
	Msg       locale.Message
}

// Evaluate applies the enabled rules to in.Figures and returns the
// findings, by unit, indicator and rule.
func Evaluate(rules []Rule, in Input) []Finding {
	upload := make(map[Key]float64, len(in.Figures))
	var units []string
	seen := map[string]bool{}
	for _, f := range in.Figures {
		if !seen[f.Unit] {
			seen[f.Unit] = true
			units = append(units, f.Unit)
		}
		upload[Key{f.Unit, f.Indicator}] = f.Value
	}
	// value reads a figure from the upload, else from the store.
	value := func(k Key) (v float64, uploaded, ok bool) {
		if v, ok := upload[k]; ok {
			return v, true, !math.IsNaN(v)
		}
		v, ok = in.Stored[k]
		return v, false, ok && !math.IsNaN(v)
	}
	var out []Finding
	for _, r := range rules {
		if !r.Enabled {
			continue
		}
		add := func(unit, ind string, v float64, msg locale.Message) {
			out = append(out, Finding{RuleID: r.ID, RuleName: r.Name, Severity: r.Severity, Unit: unit, Indicator: ind, Value: v, Msg: msg})
		}
		switch r.Kind {
		case KindBounds, KindChange, KindHistory:
			for _, f := range in.Figures {
				if math.IsNaN(f.Value) || r.Indicator != "" && f.Indicator != r.Indicator {
					continue
				}
				if m, ok := single(r, f, in); ok {
					add(f.Unit, f.Indicator, f.Value, m)
				}
			}
		case KindSum:
			for _, u := range units {
				total, tUp, ok := value(Key{u, r.Indicator})
				if !ok {
					continue
				}
				sum, about, complete := 0.0, "", true
				if tUp {
					about = r.Indicator
				}
				for _, p := range r.Parts {
					v, up, ok := value(Key{u, p})
					if !ok {
						complete = false
						break
					}
					sum += v
					if up && about == "" {
						about = p
					}
				}
				if !complete || about == "" || math.Abs(total-sum) <= r.Threshold*math.Max(math.Abs(total), 1e-12) {
					continue
				}
				v, _, _ := value(Key{u, about})
				add(u, about, v, locale.M("check.sum", num(total), strings.Join(r.Parts, " + "), num(sum), r.Name))
			}
		case KindRollup:
			out = append(out, rollup(r, in, upload, value)...)
		case KindGrowthGap:
			for _, u := range units {
				m, about, v, ok := growthGap(r, u, in, value)
				if ok {
					add(u, about, v, m)
				}
			}
		case KindRatio:
			for _, u := range units {
				a, aUp, okA := value(Key{u, r.Indicator})
				b, bUp, okB := value(Key{u, r.Other})
				if !okA || !okB || b == 0 || !aUp && !bUp {
					continue
				}
				q := a / b
				if !outside(q, r.Lo, r.Hi) {
					continue
				}
				about, v := r.Indicator, a
				if !aUp {
					about, v = r.Other, b
				}
				add(u, about, v, locale.M("check.ratio", r.Indicator, r.Other, num(q), bound(r.Lo, -1), bound(r.Hi, 1), r.Name))
			}
		}
	}
	slices.SortStableFunc(out, func(a, b Finding) int {
		return cmp.Or(cmp.Compare(a.Unit, b.Unit), cmp.Compare(a.Indicator, b.Indicator), cmp.Compare(a.RuleID, b.RuleID))
	})
	return out
}

// single applies a rule that looks at one figure at a time.
func single(r Rule, f Figure, in Input) (locale.Message, bool) {
	k := Key{f.Unit, f.Indicator}
	switch r.Kind {
	case KindBounds:
		if outside(f.Value, r.Lo, r.Hi) {
			return locale.M("check.bounds", num(f.Value), bound(r.Lo, -1), bound(r.Hi, 1), r.Name), true
		}
	case KindChange:
		prev, ok := in.Previous[k]
		if !ok || math.IsNaN(prev) || prev == 0 || r.Indicator == "" && in.Measures[f.Indicator] == "%" {
			return locale.Message{}, false
		}
		rel := (f.Value - prev) / math.Abs(prev)
		if math.Abs(rel) > r.Threshold {
			return locale.M("check.change", num(prev), num(100*rel), num(100*r.Threshold), r.Name), true
		}
	case KindHistory:
		var h []float64
		for _, v := range in.History[k] {
			if !math.IsNaN(v) {
				h = append(h, v)
			}
		}
		if len(h) < MinHistory {
			return locale.Message{}, false
		}
		lo, hi := slices.Min(h), slices.Max(h)
		lo, hi = lo-r.Threshold*math.Abs(lo), hi+r.Threshold*math.Abs(hi)
		if outside(f.Value, lo, hi) {
			return locale.M("check.history", num(f.Value), num(lo), num(hi), len(h), r.Name), true
		}
	}
	return locale.Message{}, false
}

// rollup checks every parent unit whose figure or a child's is in the
// upload: the parent's figure against the sum of its children's, when all
// are known. The finding is about the parent's figure if uploaded, else the
// first uploaded child's.
func rollup(r Rule, in Input, upload map[Key]float64, value func(Key) (float64, bool, bool)) []Finding {
	parents := make([]string, 0, len(in.Children))
	for p := range in.Children {
		parents = append(parents, p)
	}
	slices.Sort(parents)
	var out []Finding
	for _, p := range parents {
		kids := in.Children[p]
		total, tUp, ok := value(Key{p, r.Indicator})
		if !ok || len(kids) == 0 {
			continue
		}
		about, v := "", 0.0
		if tUp {
			about, v = p, total
		}
		sum, complete := 0.0, true
		for _, c := range kids {
			x, up, ok := value(Key{c, r.Indicator})
			if !ok {
				complete = false
				break
			}
			sum += x
			if up && about == "" {
				about, v = c, x
			}
		}
		gap := math.Abs(total - sum)
		if !complete || about == "" || gap <= r.Threshold*math.Max(math.Abs(total), 1e-12) {
			continue
		}
		out = append(out, Finding{RuleID: r.ID, RuleName: r.Name, Severity: r.Severity, Unit: about, Indicator: r.Indicator, Value: v,
			Msg: locale.M("check.rollup", p, r.Indicator, num(total), len(kids), num(sum), num(100*gap/math.Abs(total)),
				num(100*r.Threshold), r.Name)})
	}
	return out
}

// growthGap checks unit u's growth of r.Indicator minus that of r.Other
// (on the same period a year earlier, in percentage points) when both
// figures and both earlier ones are known and one of the two is uploaded;
// it returns the message, the uploaded indicator it is about and its value.
func growthGap(r Rule, u string, in Input, value func(Key) (float64, bool, bool)) (locale.Message, string, float64, bool) {
	growth := func(ind string) (g, v float64, up, ok bool) {
		v, up, ok = value(Key{u, ind})
		prev, okP := in.Previous[Key{u, ind}]
		if !ok || !okP || math.IsNaN(prev) || prev == 0 {
			return 0, v, up, false
		}
		return 100 * (v/prev - 1), v, up, true
	}
	ga, va, upA, okA := growth(r.Indicator)
	gb, vb, upB, okB := growth(r.Other)
	if !okA || !okB || !upA && !upB || !outside(ga-gb, r.Lo, r.Hi) {
		return locale.Message{}, "", 0, false
	}
	about, v := r.Indicator, va
	if !upA {
		about, v = r.Other, vb
	}
	return locale.M("check.growthGap", r.Indicator, num(ga), r.Other, num(gb), num(ga-gb), bound(r.Lo, -1), bound(r.Hi, 1), r.Name),
		about, v, true
}

// outside reports whether v lies outside [lo, hi]; a NaN bound is open.
func outside(v, lo, hi float64) bool {
	return !math.IsNaN(lo) && v < lo || !math.IsNaN(hi) && v > hi
}

// num writes a number for a message: at most four decimals, no trailing
// zeros.
func num(v float64) string {
	return strconv.FormatFloat(math.Round(v*1e4)/1e4, 'f', -1, 64)
}

// bound writes a bound of a range, an open one as ∞ with the side's sign.
func bound(v float64, side int) string {
	if math.IsNaN(v) {
		if side < 0 {
			return "−∞"
		}
		return "+∞"
	}
	return num(v)
}

// Split returns the hard and the soft findings of fs.
func Split(fs []Finding) (hard, soft []Finding) {
	for _, f := range fs {
		if f.Severity == Hard {
			hard = append(hard, f)
		} else {
			soft = append(soft, f)
		}
	}
	return hard, soft
}

// Flagged returns the figures with at least one soft finding, in order:
// the cells that need a written explanation.
func Flagged(soft []Finding) []Key {
	var out []Key
	seen := map[Key]bool{}
	for _, f := range soft {
		k := Key{f.Unit, f.Indicator}
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	return out
}
