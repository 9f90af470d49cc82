package mujun

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/table"
)

// Result is one enterprise's grading.
type Result struct {
	Eligible bool
	Values   []float64 // per scheme indicator; NaN when not reported, +Inf for a positive numerator over 0
	Points   []float64 // per scheme indicator; 0 for a missing value
	Score    float64   // Σ points; NaN when not eligible
	Rank     int       // 1 + the number of graded enterprises with a higher score; 0 when not eligible
	ByScore  string    // the class its score alone gives
	Class    string    // the final class; "" when not eligible
	Fixed    bool      // set by an override: quotas do not move it
	Reasons  []locale.Message
}

// Value returns the value of indicator key for e: tax_per_mu = tax /
// land, va_per_mu = value added / land, output_per_mu = output / land,
// va_per_energy = value added / energy, va_per_emission = value added /
// emissions, rd_share = R&D / output, va_per_employee = value added /
// employees. A missing figure gives NaN; a zero denominator gives +Inf
// when the numerator is positive and NaN otherwise.
func Value(e *Enterprise, key string) float64 {
	var num, den float64
	switch key {
	case "tax_per_mu":
		num, den = e.Tax, e.Land()
	case "va_per_mu":
		num, den = e.ValueAdded, e.Land()
	case "output_per_mu":
		num, den = e.Output, e.Land()
	case "va_per_energy":
		num, den = e.ValueAdded, e.Energy
	case "va_per_emission":
		num, den = e.ValueAdded, e.Emissions
	case "rd_share":
		num, den = e.RD, e.Output
	case "va_per_employee":
		num, den = e.ValueAdded, e.Employees
	default:
		return math.NaN()
	}
	if den == 0 {
		if num > 0 {
			return math.Inf(1)
		}
		return math.NaN()
	}
	return num / den
}

// Points returns Weight × min(max(v / Standard, 0), Cap); a missing
// value (NaN) scores 0 and +Inf scores the cap.
func (in *Indicator) Points(v float64) float64 {
	if math.IsNaN(v) {
		return 0
	}
	return in.Weight * min(max(v/in.Standard, 0), in.Cap)
}

// Grade grades ents for year (the year of the figures, for the years in
// production; 0 skips that test) under s. Results are in the order of
// ents. The steps, in order: eligibility (land ≥ min_land, year − start
// year ≥ min_years, 规上 when required); points and score; rank (equal
// scores share a rank); the class by score (the first class, best first,
// whose min_score the score reaches, else the worst; scores are rounded
// first when the scheme says decimals, so that ties are ties as
// published); overrides (an
// accident, or 亩均税收 below the floor) fix a class; then the quotas,
// see applyQuotas.
func Grade(ents []Enterprise, s *Scheme, year int) []Result {
	res := make([]Result, len(ents))
	graded := make([]int, 0, len(ents))
	vals := make([]float64, len(ents)*len(s.Indicators))
	pts := make([]float64, len(ents)*len(s.Indicators))
	worst := len(s.Classes) - 1
	for i := range ents {
		e, r := &ents[i], &res[i]
		r.Score = math.NaN()
		if !eligible(e, s, year, r) {
			continue
		}
		r.Eligible = true
		n := len(s.Indicators)
		r.Values, r.Points = vals[i*n:(i+1)*n:(i+1)*n], pts[i*n:(i+1)*n:(i+1)*n]
		r.Score = 0
		for j := range s.Indicators {
			in := &s.Indicators[j]
			v := Value(e, in.Key)
			r.Values[j], r.Points[j] = v, in.Points(v)
			switch {
			case math.IsNaN(v):
				r.Reasons = append(r.Reasons, locale.M("mujun.r.missing", in.Name))
			case math.IsInf(v, 1):
				r.Reasons = append(r.Reasons, locale.M("mujun.r.zero", in.Name))
			}
			r.Score += r.Points[j]
		}
		if s.Decimals != nil {
			p := math.Pow10(*s.Decimals)
			r.Score = math.Round(r.Score*p) / p
		}
		c := worst
		for k, cl := range s.Classes {
			if r.Score >= cl.MinScore {
				c = k
				break
			}
		}
		r.ByScore, r.Class = s.Classes[c].Name, s.Classes[c].Name
		switch tpm := Value(e, "tax_per_mu"); {
		case e.Accident:
			r.Class, r.Fixed = s.Override.Accident, true
			r.Reasons = append(r.Reasons, locale.M("mujun.r.accident", r.Class))
		case s.Override.TaxFloor != nil && tpm < *s.Override.TaxFloor:
			r.Class, r.Fixed = s.Override.TaxFloorClass, true
			r.Reasons = append(r.Reasons, locale.M("mujun.r.taxfloor", table.FormatNumber(tpm), table.FormatNumber(*s.Override.TaxFloor), r.Class))
		}
		graded = append(graded, i)
	}
	// Rank order: score descending, then USCC so that output is stable.
	slices.SortFunc(graded, func(a, b int) int {
		// Not cmp.Or: it would compare the codes every time (a third of
		// the grading time).
		if c := cmp.Compare(res[b].Score, res[a].Score); c != 0 {
			return c
		}
		return strings.Compare(ents[a].USCC, ents[b].USCC)
	})
	for k, i := range graded {
		if k > 0 && res[i].Score == res[graded[k-1]].Score {
			res[i].Rank = res[graded[k-1]].Rank
		} else {
			res[i].Rank = k + 1
		}
	}
	applyQuotas(res, graded, s)
	return res
}

// eligible applies the eligibility rules, giving r the reasons of a
// refusal.
func eligible(e *Enterprise, s *Scheme, year int, r *Result) bool {
	ok := true
	switch l := e.Land(); {
	case math.IsNaN(l):
		r.Reasons, ok = append(r.Reasons, locale.M("mujun.r.noland")), false
	case l < s.Eligibility.MinLand:
		r.Reasons, ok = append(r.Reasons, locale.M("mujun.r.land", table.FormatNumber(l), table.FormatNumber(s.Eligibility.MinLand))), false
	}
	if year != 0 && year-e.StartYear < s.Eligibility.MinYears {
		r.Reasons, ok = append(r.Reasons, locale.M("mujun.r.years", year-e.StartYear, s.Eligibility.MinYears)), false
	}
	if s.Eligibility.AboveScaleOnly && !e.AboveSize {
		r.Reasons, ok = append(r.Reasons, locale.M("mujun.r.scale")), false
	}
	return ok
}

func init() {
	locale.Register(map[string][2]string{
		"mujun.r.noland":   {"用地面积未填报，不参评", "land not reported: not graded"},
		"mujun.r.land":     {"用地 %s 亩低于 %s 亩，不参评", "land %s 亩 is below %s 亩: not graded"},
		"mujun.r.years":    {"投产 %d 年，不足 %d 年，不参评", "in production %d years, fewer than %d: not graded"},
		"mujun.r.scale":    {"非规上企业，不参评", "not above designated size: not graded"},
		"mujun.r.missing":  {"%s 无法计算（未填报或 0/0），记 0 分", "%s cannot be computed (not reported, or 0/0): 0 points"},
		"mujun.r.zero":     {"%s 分母为 0（如无能耗或排放），按上限计分", "%s has a zero denominator (e.g. no energy use or emissions): capped points"},
		"mujun.r.accident": {"发生重大安全或环境事故，直接定为 %s 类", "a major safety or environmental accident: class %s"},
		"mujun.r.taxfloor": {"亩均税收 %s 低于下限 %s，直接定为 %s 类", "tax per 亩 %s is below the floor %s: class %s"},
	})
}
