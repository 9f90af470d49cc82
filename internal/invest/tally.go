package invest

import (
	"math"
	"slices"
)

// Key groups the ledger's facts by what every level's counting rules need:
// where the project is (county, zone) and where the investor who paid
// stands relative to that county. Any level's metrics are a fold of the
// facts grouped by Key, which is how the server aggregates in SQL and
// shares the rules with the command line.
type Key struct {
	County, Zone string
	Origin       Origin
}

// Tally is what the rules count for one Key over the options' period. The
// origin of signed, overdue and cohort facts is the project's investor's;
// that of funds facts is the payer's (the funds row's 出资方所在地 when
// given, else the project's 投资方所在地).
type Tally struct {
	SignedCount  int64  // rule 2: new projects signed in the period (no increases, no relocations)
	SignedAmount Amount // rule 2: their 协议投资额 and the increases signed in the period
	Funds        Amount // rule 3: counted funds (source and evidence) dated in the period
	FundsPrev    Amount // rule 4: counted funds of the same period one year earlier
	Excluded     Amount // rule 3: the other funds rows dated in the period
	Overdue      int64  // rule 6

	// Rule 5, with a cohort option; attributed to the original project.
	CohortProjects int64
	CohortAmount   Amount
	CohortFunds    Amount
	Started        int64
	Completed      int64
	OnTimeDue      int64 // cohort projects whose 合同开工日期 ≤ to
	OnTime         int64 // of those, started (and produced, where due) on time
}

func (t *Tally) add(u *Tally) {
	t.SignedCount += u.SignedCount
	t.SignedAmount += u.SignedAmount
	t.Funds += u.Funds
	t.FundsPrev += u.FundsPrev
	t.Excluded += u.Excluded
	t.Overdue += u.Overdue
	t.CohortProjects += u.CohortProjects
	t.CohortAmount += u.CohortAmount
	t.CohortFunds += u.CohortFunds
	t.Started += u.Started
	t.Completed += u.Completed
	t.OnTimeDue += u.OnTimeDue
	t.OnTime += u.OnTime
}

// Tallies are the facts of a ledger grouped by Key, with the places
// (county, zone) in which any project is located.
type Tallies struct {
	ByKey  map[Key]*Tally
	Places map[[2]string]bool // {county, zone}
}

// NewTallies returns empty tallies.
func NewTallies() *Tallies {
	return &Tallies{ByKey: map[Key]*Tally{}, Places: map[[2]string]bool{}}
}

// At returns the tally of k, creating it.
func (ts *Tallies) At(k Key) *Tally {
	t := ts.ByKey[k]
	if t == nil {
		t = &Tally{}
		ts.ByKey[k] = t
	}
	return t
}

// AddPlace records that a project is located in county (and zone).
func (ts *Tallies) AddPlace(county, zone string) { ts.Places[[2]string{county, zone}] = true }

// Fold sums the tallies into one row per place of o.Level in which any
// project is located, sorted by unit code, applying rule 1 (who is an
// outside investor at that level) to each key.
func Fold(ts *Tallies, o Options) []Row {
	type acc struct {
		Tally
		outsideProvince, abroad, intra Amount
	}
	places := map[string]*acc{}
	for pl := range ts.Places {
		if u := PlaceOf(o.Level, pl[0], pl[1]); u != "" && places[u] == nil {
			places[u] = &acc{}
		}
	}
	for k, t := range ts.ByKey {
		a := places[PlaceOf(o.Level, k.County, k.Zone)]
		if a == nil {
			continue
		}
		if o.Level == LevelCounty && k.Origin == OriginPrefecture {
			a.intra += t.Funds
		}
		if !Outside(o.Level, o.Scope, k.Origin) {
			continue
		}
		a.add(t)
		switch k.Origin {
		case OriginDomestic:
			a.outsideProvince += t.Funds
		case OriginAbroad:
			a.abroad += t.Funds
		}
	}
	units := make([]string, 0, len(places))
	for u := range places {
		units = append(units, u)
	}
	slices.Sort(units)
	rows := make([]Row, len(units))
	nan := math.NaN()
	for i, u := range units {
		a := places[u]
		r := Row{Unit: u, SignedCount: float64(a.SignedCount), SignedAmount: a.SignedAmount.Yi(), Funds: a.Funds.Yi(),
			FundsOutsideProvince: a.outsideProvince.Yi(), FundsAbroad: a.abroad.Yi(), FundsIntraPrefecture: nan,
			FundsPrev: a.FundsPrev.Yi(), YoY: ratio(float64(a.Funds-a.FundsPrev), float64(a.FundsPrev)),
			CohortProjects: nan, CohortAmount: nan, CohortFunds: nan, InPlaceRate: nan, StartRate: nan,
			CompletionRate: nan, OnTimeRate: nan, Overdue: float64(a.Overdue), ExcludedFunds: a.Excluded.Yi(),
			Target: nan, TargetRate: nan}
		if o.Level == LevelCounty {
			r.FundsIntraPrefecture = a.intra.Yi()
		}
		if o.HasCohort() {
			r.CohortProjects, r.CohortAmount, r.CohortFunds = float64(a.CohortProjects), a.CohortAmount.Yi(), a.CohortFunds.Yi()
			r.InPlaceRate = ratio(float64(a.CohortFunds), float64(a.CohortAmount))
			r.StartRate = ratio(float64(a.Started), float64(a.CohortProjects))
			r.CompletionRate = ratio(float64(a.Completed), float64(a.CohortProjects))
			r.OnTimeRate = ratio(float64(a.OnTime), float64(a.OnTimeDue))
		}
		rows[i] = r
	}
	return rows
}

// ratio is n/d, or NaN (empty) when d is 0.
func ratio(n, d float64) float64 {
	if d == 0 {
		return math.NaN()
	}
	return n / d
}
