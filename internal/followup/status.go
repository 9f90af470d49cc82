package followup

import (
	"math"

	"github.com/qiangxian/qiangxian/internal/invest"
)

// Status is a project's standing against its contract.
type Status int

// The three statuses, in order of gravity.
const (
	Normal Status = iota // 正常
	Warn                 // 预警
	Breach               // 违约
)

// String returns the status's Chinese name.
func (s Status) String() string { return [...]string{"正常", "预警", "违约"}[s] }

// Key returns the status as a stable ASCII word (normal, warn, breach).
func (s Status) Key() string { return [...]string{"normal", "warn", "breach"}[s] }

// Rules are the thresholds of the judgement. They are not published by
// Gansu: each contract may write its own, so they are settings, and
// DefaultRules only a starting point.
type Rules struct {
	// WarnBelow: an actual short of this share of the commitment is 预警.
	WarnBelow float64
	// BreachBelow: an actual short of this share is 违约.
	BreachBelow float64
	// GraceDays: a deadline missed by at most this many days is 预警,
	// beyond it 违约.
	GraceDays int
	// KeyAmount: a project of at least this 协议投资额 is a key project
	// (重点项目), scheduled with a 包抓 leader.
	KeyAmount invest.Amount
}

// DefaultRules: below 100 % of a commitment 预警, below 70 % 违约; a
// deadline 180 days late 违约; key projects from 5 亿元.
var DefaultRules = Rules{WarnBelow: 1, BreachBelow: 0.7, GraceDays: 180, KeyAmount: 5 * invest.AmountScale}

// Figures are one year's investment (万元, completed that year), tax paid
// (万元), output (万元), jobs (people at year end) and energy use (吨标准煤).
// NaN is a figure not given.
type Figures struct {
	Investment, Tax, Output, Jobs, Energy float64
}

// None is a year of figures none of which is given.
var None = Figures{math.NaN(), math.NaN(), math.NaN(), math.NaN(), math.NaN()}

// Year is a project's commitments and actuals of one calendar year.
type Year struct {
	Year   int
	Commit Figures
	Actual Figures
}

// Terms are a project's 标准地 terms: the land it got and the intensities
// it promised. Zero is a term not set.
type Terms struct {
	LandMu        float64 // 用地 (亩)
	InvestPerMu   float64 // 亩均固定资产投资 (万元/亩), reached by the production deadline
	TaxPerMu      float64 // 亩均税收 (万元/亩/年), from the year after production
	EnergyPerUnit float64 // 单位产出能耗 (吨标准煤/万元), at most
}

// Project is what the rules read of a signed project: its ledger dates,
// its terms and its years.
type Project struct {
	ContractStart, ActualStart, ContractProd, ActualProd, Terminated invest.Day
	Terms                                                            Terms
	Years                                                            []Year // by year, each once
}

// The checks a finding can come from.
const (
	CheckStart       = "start"         // 开工期限
	CheckProduction  = "production"    // 投产期限
	CheckInvestment  = "investment"    // 累计投资
	CheckTax         = "tax"           // 税收
	CheckOutput      = "output"        // 产值
	CheckJobs        = "jobs"          // 就业
	CheckInvestPerMu = "invest_per_mu" // 亩均投资
	CheckTaxPerMu    = "tax_per_mu"    // 亩均税收
	CheckEnergy      = "energy"        // 单位产出能耗
)

// Finding is one check of a project short of its contract (a check that
// is met gives no finding). Ratio is actual / committed (committed /
// actual for energy, where less is better), NaN when the actual is missing
// (未报) or the check is a deadline; DaysLate is for deadlines.
type Finding struct {
	Check     string
	Year      int // 0 for a deadline or a whole-contract term
	Committed float64
	Actual    float64 // NaN: not reported
	Ratio     float64
	DaysLate  int
	Status    Status
}

// Assessment is a project's status and the findings behind it.
type Assessment struct {
	Status   Status
	Findings []Finding
}

// Assess judges p on today: each deadline passed (start, production), and
// for each complete year (before today's year) each commitment (cumulative
// investment; tax, output and jobs of the year) and the 标准地 terms. A
// commitment without an actual for a complete year is 预警 (not reported).
// The status is the gravest finding's, 正常 without findings.
func Assess(p Project, today invest.Day, r Rules) Assessment {
	var a Assessment
	add := func(f Finding) {
		if f.Status == Normal {
			return
		}
		a.Findings = append(a.Findings, f)
		a.Status = max(a.Status, f.Status)
	}
	add(deadline(CheckStart, p.ContractStart, p.ActualStart, today, r))
	add(deadline(CheckProduction, p.ContractProd, p.ActualProd, today, r))
	var cumCommit, cumActual float64
	reported := false // some complete year has an actual investment
	for _, y := range p.Years {
		if y.Year >= today.Year() {
			break
		}
		c, x := y.Commit, y.Actual
		cumCommit += zeroNaN(c.Investment)
		cumActual += zeroNaN(x.Investment)
		reported = reported || !math.IsNaN(x.Investment)
		if c.Investment > 0 {
			act := cumActual
			if math.IsNaN(x.Investment) {
				act = math.NaN()
			}
			add(ratio(CheckInvestment, y.Year, cumCommit, act, r))
		}
		add(ratio(CheckTax, y.Year, c.Tax, x.Tax, r))
		add(ratio(CheckOutput, y.Year, c.Output, x.Output, r))
		add(ratio(CheckJobs, y.Year, c.Jobs, x.Jobs, r))
		t := p.Terms
		if t.TaxPerMu > 0 && t.LandMu > 0 && p.ContractProd != 0 && y.Year > p.ContractProd.Year() {
			add(ratio(CheckTaxPerMu, y.Year, t.TaxPerMu, x.Tax/t.LandMu, r))
		}
		if t.EnergyPerUnit > 0 && x.Energy > 0 && x.Output > 0 {
			// Less is better: the ratio is the allowance over the use.
			f := ratio(CheckEnergy, y.Year, 1, t.EnergyPerUnit/(x.Energy/x.Output), r)
			f.Committed, f.Actual = t.EnergyPerUnit, x.Energy/x.Output
			add(f)
		}
	}
	if t := p.Terms; t.InvestPerMu > 0 && t.LandMu > 0 && p.ContractProd != 0 && today > p.ContractProd {
		act := cumActual / t.LandMu
		if !reported {
			act = math.NaN()
		}
		add(ratio(CheckInvestPerMu, 0, t.InvestPerMu, act, r))
	}
	return a
}

func zeroNaN(v float64) float64 {
	if math.IsNaN(v) {
		return 0
	}
	return v
}

// ratio judges an actual against a positive commitment: nothing when
// there is no commitment, 预警 when the actual is not reported.
func ratio(check string, year int, committed, actual float64, r Rules) Finding {
	f := Finding{Check: check, Year: year, Committed: committed, Actual: actual, Ratio: math.NaN()}
	if !(committed > 0) {
		return f
	}
	if math.IsNaN(actual) {
		f.Status = Warn
		return f
	}
	f.Ratio = actual / committed
	switch {
	case f.Ratio < r.BreachBelow:
		f.Status = Breach
	case f.Ratio < r.WarnBelow:
		f.Status = Warn
	}
	return f
}

// deadline judges a contract date against the actual one: late by up to
// GraceDays is 预警, beyond 违约; not reached yet, or met, is nothing. A
// date not yet reached (actual 0) counts its days late up to today.
func deadline(check string, due, actual, today invest.Day, r Rules) Finding {
	f := Finding{Check: check, Actual: math.NaN(), Ratio: math.NaN()}
	if due == 0 {
		return f
	}
	end := actual
	if end == 0 {
		end = today
	}
	f.DaysLate = DaysBetween(due, end)
	switch {
	case f.DaysLate <= 0:
		f.DaysLate = 0
	case f.DaysLate > r.GraceDays:
		f.Status = Breach
	default:
		f.Status = Warn
	}
	return f
}

// DaysBetween returns the number of days from a to b (negative when b is
// before a).
func DaysBetween(a, b invest.Day) int {
	return int(b.Time().Sub(a.Time()).Hours() / 24)
}
