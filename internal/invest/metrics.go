package invest

import (
	"math"

	"github.com/qiangxian/qiangxian/internal/table"
)

// DefaultOverdueMonths is how long after signing a project without a
// 合同开工日期 may wait before it is overdue (rule 6).
const DefaultOverdueMonths = 6

// Options are the parameters of a metrics query.
type Options struct {
	Level         Level
	Scope         CountyScope // county level (and zones): ScopePrefecture by default
	From, To      Month       // inclusive: the first day of From to the last day of To
	Cohort        string      // 签约活动 of the cohort, or
	CohortYear    int         // the year of signing of the cohort; neither: no cohort columns
	OverdueMonths int         // rule 6: DefaultOverdueMonths unless the user says otherwise
}

// HasCohort reports whether o asks for cohort rates.
func (o Options) HasCohort() bool { return o.Cohort != "" || o.CohortYear != 0 }

// OverdueCutoff is the day before which a project without a 合同开工日期
// must have been signed to be overdue at the end of o.To: the last day of
// To minus OverdueMonths calendar months.
func (o Options) OverdueCutoff() Day { return o.To.Last().MonthsBefore(o.OverdueMonths) }

// InCohort reports whether the original project p belongs to o's cohort by
// its 签约活动 or its year of signing (rule 5; location and investor are
// checked by Fold).
func (o Options) InCohort(p *Project) bool {
	if p.IsIncrease() {
		return false
	}
	return (o.Cohort != "" && p.Event == o.Cohort) || (o.CohortYear != 0 && p.Signed != 0 && p.Signed.Year() == o.CohortYear)
}

// IsOverdue reports whether p is overdue at the end of month to (rule 6):
// an original project not started by then, not terminated on or before
// then, whose 合同开工日期 is before the last day of to — or, without one,
// signed before cutoff (Options.OverdueCutoff).
func IsOverdue(p *Project, to Month, cutoff Day) bool {
	last := to.Last()
	switch {
	case p.IsIncrease():
		return false
	case p.ActualStart != 0 && p.ActualStart <= last:
		return false
	case p.Terminated != 0 && p.Terminated <= last:
		return false
	case p.ContractStart != 0:
		return p.ContractStart < last
	}
	return p.Signed != 0 && p.Signed < cutoff
}

// cohortProject adds the original project p, a member of the cohort, to t
// as of the last day of to (rule 5). Terminated projects count like others.
func cohortProject(t *Tally, p *Project, to Month) {
	last := to.Last()
	t.CohortProjects++
	t.CohortAmount += p.Amount
	started := p.ActualStart != 0 && p.ActualStart <= last
	if started {
		t.Started++
	}
	if p.ActualProd != 0 && p.ActualProd <= last {
		t.Completed++
	}
	if p.ContractStart != 0 && p.ContractStart <= last {
		t.OnTimeDue++
		ok := p.ActualStart != 0 && p.ActualStart <= p.ContractStart
		if p.ContractProd != 0 && p.ContractProd <= last {
			ok = ok && p.ActualProd != 0 && p.ActualProd <= p.ContractProd
		}
		if ok {
			t.OnTime++
		}
	}
}

// Row is one place's metrics, in the units of the output: amounts in 亿元,
// rates as fractions, counts as numbers; NaN is empty (undefined).
type Row struct {
	Unit                 string
	SignedCount          float64
	SignedAmount         float64
	Funds                float64
	FundsOutsideProvince float64
	FundsAbroad          float64
	FundsIntraPrefecture float64
	FundsPrev            float64
	YoY                  float64
	CohortProjects       float64
	CohortAmount         float64
	CohortFunds          float64
	InPlaceRate          float64
	StartRate            float64
	CompletionRate       float64
	OnTimeRate           float64
	Overdue              float64
	ExcludedFunds        float64
	Target               float64 // with targets only
	TargetRate           float64
}

// Columns are the output's columns, in order; TargetColumns follow them
// when targets are given.
var (
	Columns = []string{"unit", "signed_count", "signed_amount", "funds", "funds_outside_province", "funds_abroad",
		"funds_intra_prefecture", "funds_prev", "yoy", "cohort_projects", "cohort_amount", "cohort_funds",
		"in_place_rate", "start_rate", "completion_rate", "on_time_rate", "overdue", "excluded_funds"}
	TargetColumns = []string{"target", "target_rate"}
)

// Values returns r's numbers in the order of Columns (without unit),
// followed by the target columns when targets is set.
func (r *Row) Values(targets bool) []float64 {
	v := []float64{r.SignedCount, r.SignedAmount, r.Funds, r.FundsOutsideProvince, r.FundsAbroad,
		r.FundsIntraPrefecture, r.FundsPrev, r.YoY, r.CohortProjects, r.CohortAmount, r.CohortFunds,
		r.InPlaceRate, r.StartRate, r.CompletionRate, r.OnTimeRate, r.Overdue, r.ExcludedFunds}
	if targets {
		v = append(v, r.Target, r.TargetRate)
	}
	return v
}

// Cells returns r as output cells: the unit, then every number in its
// shortest round-trip form, empty where undefined.
func (r *Row) Cells(targets bool) []string {
	vals := r.Values(targets)
	cells := make([]string, 0, len(vals)+1)
	cells = append(cells, r.Unit)
	for _, v := range vals {
		cells = append(cells, table.FormatNumber(v))
	}
	return cells
}

// ApplyTargets sets each row's target (亿元 of funds in place for the year)
// from targets by unit, and target_rate = funds / target (目标完成率); both
// stay empty for a unit without a target, the rate also for a target of 0.
func ApplyTargets(rows []Row, targets map[string]float64) {
	for i := range rows {
		r := &rows[i]
		r.Target, r.TargetRate = math.NaN(), math.NaN()
		if t, ok := targets[r.Unit]; ok {
			r.Target, r.TargetRate = t, ratio(r.Funds, t)
		}
	}
}

// Compute applies the counting rules to the ledger for o.
func Compute(l *Ledger, o Options) []Row { return Fold(TallyLedger(l, o), o) }

// TallyLedger groups the ledger's facts for o by Key: the first half of
// Compute, which the store's aggregate tables reproduce.
func TallyLedger(l *Ledger, o Options) *Tallies {
	ts := NewTallies()
	from, last := o.From.First(), o.To.Last()
	cutoff := o.OverdueCutoff()
	cohort := o.HasCohort()
	index := make(map[string]int, len(l.Projects))
	for i := range l.Projects {
		index[l.Projects[i].ID] = i
	}
	inCohort := make([]bool, len(l.Projects))
	keys := make([]Key, len(l.Projects))
	for i := range l.Projects {
		p := &l.Projects[i]
		ts.AddPlace(p.County, p.Zone)
		k := Key{p.County, p.Zone, Classify(p.County, p.InvestorLoc)}
		keys[i] = k
		if p.Signed >= from && p.Signed <= last {
			if p.IsIncrease() {
				ts.At(k).SignedAmount += p.Amount
			} else if !p.Relocation {
				t := ts.At(k)
				t.SignedCount++
				t.SignedAmount += p.Amount
			}
		}
		if IsOverdue(p, o.To, cutoff) {
			ts.At(k).Overdue++
		}
		if cohort && o.InCohort(p) {
			inCohort[i] = true
			cohortProject(ts.At(k), p, o.To)
		}
	}
	// cohortRoot is the cohort project whose key carries row i's cohort
	// facts: i itself, or the original of an increase signed by to.
	cohortRoot := func(i int) int {
		p := &l.Projects[i]
		if !p.IsIncrease() {
			if inCohort[i] {
				return i
			}
			return -1
		}
		if r, ok := index[p.IncreaseOf]; ok && inCohort[r] && p.Signed != 0 && p.Signed <= last {
			return r
		}
		return -1
	}
	if cohort {
		for i := range l.Projects {
			if p := &l.Projects[i]; p.IsIncrease() {
				if r := cohortRoot(i); r >= 0 {
					ts.At(keys[r]).CohortAmount += p.Amount
				}
			}
		}
	}
	prevFrom, prevTo := o.From.AddYears(-1), o.To.AddYears(-1)
	for j := range l.Funds {
		f := &l.Funds[j]
		p := &l.Projects[f.Project]
		counted := f.Counted()
		inPeriod := f.Month >= o.From && f.Month <= o.To
		inPrev := counted && f.Month >= prevFrom && f.Month <= prevTo
		if inPeriod || inPrev {
			payer := f.PayerLoc
			if payer == "" {
				payer = p.InvestorLoc
			}
			t := ts.At(Key{p.County, p.Zone, Classify(p.County, payer)})
			switch {
			case inPeriod && counted:
				t.Funds += f.Amount
			case inPeriod:
				t.Excluded += f.Amount
			}
			if inPrev {
				t.FundsPrev += f.Amount
			}
		}
		if cohort && counted && f.Month <= o.To {
			if r := cohortRoot(f.Project); r >= 0 {
				ts.At(keys[r]).CohortFunds += f.Amount
			}
		}
	}
	return ts
}
