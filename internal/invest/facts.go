package invest

// The store keeps, beside the ledger, its facts grouped so that a metrics
// query reads a few thousand rows instead of a million: SignedFact for
// rule 2, FundsFact for rules 3 and 4, CohortFundsFact for rule 5's funds. They are built here,
// from the same rows and rules as TallyLedger, and read back into Tallies by
// the store's query.

// KeyOf returns the key of project p's own facts (signed, overdue, cohort):
// its place and its investor's origin.
func KeyOf(p *Project) Key { return Key{p.County, p.Zone, Classify(p.County, p.InvestorLoc)} }

// FundsFact is the funds of one key in one month, counted or not.
type FundsFact struct {
	Key
	Month   Month
	Counted bool
	Amount  Amount
}

// FundsFacts groups the ledger's funds rows by key (the payer's origin),
// month and whether they count.
func FundsFacts(l *Ledger) []FundsFact {
	type k struct {
		Key
		Month   Month
		Counted bool
	}
	sums := map[k]Amount{}
	var order []k
	for j := range l.Funds {
		f := &l.Funds[j]
		p := &l.Projects[f.Project]
		payer := f.PayerLoc
		if payer == "" {
			payer = p.InvestorLoc
		}
		key := k{Key{p.County, p.Zone, Classify(p.County, payer)}, f.Month, f.Counted()}
		if _, ok := sums[key]; !ok {
			order = append(order, key)
		}
		sums[key] += f.Amount
	}
	out := make([]FundsFact, len(order))
	for i, key := range order {
		out[i] = FundsFact{key.Key, key.Month, key.Counted, sums[key]}
	}
	return out
}

// SignedFact is the projects of one key signed in one month, capital
// increases or not, relocations or not (rule 2).
type SignedFact struct {
	Key
	Month      Month
	Increase   bool
	Relocation bool
	Projects   int64
	Amount     Amount
}

// SignedFacts groups the ledger's signed projects by key, month of signing,
// and whether they are increases or relocations.
func SignedFacts(l *Ledger) []SignedFact {
	type k struct {
		Key
		Month                Month
		Increase, Relocation bool
	}
	sums := map[k]*SignedFact{}
	var order []k
	for i := range l.Projects {
		p := &l.Projects[i]
		if p.Signed == 0 {
			continue
		}
		key := k{KeyOf(p), p.Signed.Month(), p.IsIncrease(), p.Relocation}
		f := sums[key]
		if f == nil {
			f = &SignedFact{Key: key.Key, Month: key.Month, Increase: key.Increase, Relocation: key.Relocation}
			sums[key] = f
			order = append(order, key)
		}
		f.Projects++
		f.Amount += p.Amount
	}
	out := make([]SignedFact, len(order))
	for i, key := range order {
		out[i] = *sums[key]
	}
	return out
}

// CohortFundsFact is the counted funds, in one month, of the original
// projects of one key with one 签约活动 and year of signing — and of the
// capital increases on them signed on IncreaseSigned (0 for the
// originals' own funds), which join a cohort's funds only when signed by
// its end.
type CohortFundsFact struct {
	Key
	Event          string
	SignedYear     int
	Month          Month
	IncreaseSigned Day
	Amount         Amount
}

// CohortFundsFacts groups the ledger's counted funds by the original
// project's cohort attributes and key.
func CohortFundsFacts(l *Ledger) []CohortFundsFact {
	index := make(map[string]int, len(l.Projects))
	for i := range l.Projects {
		index[l.Projects[i].ID] = i
	}
	type k struct {
		Key
		Event     string
		Year      int
		Month     Month
		IncSigned Day
	}
	sums := map[k]Amount{}
	var order []k
	for j := range l.Funds {
		f := &l.Funds[j]
		if !f.Counted() {
			continue
		}
		p := &l.Projects[f.Project]
		root, inc := p, Day(0)
		if p.IsIncrease() {
			r, ok := index[p.IncreaseOf]
			if !ok || p.Signed == 0 {
				continue // an increase never signed joins no cohort
			}
			root, inc = &l.Projects[r], p.Signed
		}
		key := k{KeyOf(root), root.Event, root.Signed.Year(), f.Month, inc}
		if _, ok := sums[key]; !ok {
			order = append(order, key)
		}
		sums[key] += f.Amount
	}
	out := make([]CohortFundsFact, len(order))
	for i, key := range order {
		out[i] = CohortFundsFact{key.Key, key.Event, key.Year, key.Month, key.IncSigned, sums[key]}
	}
	return out
}

// OverdueFact is the number of overdue original projects of one key at the
// end of one month (rule 6), with the default OverdueMonths.
type OverdueFact struct {
	Key
	Month Month
	Count int64
}

// OverdueFacts counts, for every month from the ledger's first date to
// its horizon, the overdue projects of each key with months as
// OverdueMonths; after the horizon nothing changes (every date of the
// ledger, and every signing plus months, lies before it), so a later month
// reads the horizon's. It applies IsOverdue itself, month by month, so
// that the stored counts are the command line's.
func OverdueFacts(l *Ledger, months int) (facts []OverdueFact, horizon Month) {
	var first Month
	for i := range l.Projects {
		p := &l.Projects[i]
		if p.IsIncrease() {
			continue
		}
		for _, d := range []Day{p.Signed, p.ContractStart, p.ActualStart, p.Terminated} {
			if d == 0 {
				continue
			}
			if first == 0 || d.Month() < first {
				first = d.Month()
			}
			if h := d.Month().AddMonths(months + 1); h > horizon {
				horizon = h
			}
		}
	}
	if first == 0 {
		return nil, 0
	}
	type k struct {
		Key
		Month Month
	}
	counts := map[k]int64{}
	var order []k
	var ms []Month
	var cutoffs []Day
	for m := first; m <= horizon; m = m.AddMonths(1) {
		ms = append(ms, m)
		cutoffs = append(cutoffs, Options{To: m, OverdueMonths: months}.OverdueCutoff())
	}
	for i := range l.Projects {
		p := &l.Projects[i]
		if p.IsIncrease() {
			continue
		}
		key := KeyOf(p)
		for j, m := range ms {
			if IsOverdue(p, m, cutoffs[j]) {
				kk := k{key, m}
				if _, ok := counts[kk]; !ok {
					order = append(order, kk)
				}
				counts[kk]++
			}
		}
	}
	facts = make([]OverdueFact, len(order))
	for i, kk := range order {
		facts[i] = OverdueFact{kk.Key, kk.Month, counts[kk]}
	}
	return facts, horizon
}
