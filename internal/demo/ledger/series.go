package ledger

import (
	"fmt"
	"math"
	"slices"

	"github.com/qiangxian/qiangxian/internal/invest"
)

// cohort generates the 第十九届兰洽会 cohort: Fair.Projects projects signed
// in June 2013 with investors from outside Gansu, of which exactly
// Fair.Started started and Fair.Completed went into production by the end
// of Fair.To, with Fair.Amount signed and Fair.Funds counted in place by
// then.
func (g *gen) cohort(r *rng) {
	to := Fair.To.Last()
	first := len(g.l.Projects)
	raw := make([]float64, Fair.Projects)
	for i := range raw {
		raw[i] = math.Exp(math.Log(3.5) + 1.0*r.normal())
	}
	amounts := exactSplit(raw, Fair.Amount)
	// Which projects started and which of those were built by the end of
	// the follow-up: the first Started of a shuffled order, and the first
	// Completed of those.
	order := r.perm(Fair.Projects)
	rank := make([]int, Fair.Projects)
	for k, i := range order {
		rank[i] = k
	}
	for i := range Fair.Projects {
		p, ind := g.newProject(r, 2013)
		g.outsideInvestor(r, &p, ind, 0.07)
		p.Name = projectName(r, ind, amounts[i].Yi())
		p.Signed = day(2013, 6, 1+r.intn(28))
		p.Event = Fair.Event
		p.Amount = amounts[i]
		p.ContractStart = later(p.Signed, 3+r.intn(10))
		p.ContractProd = later(p.ContractStart, 12+r.intn(18))
		share := 0.0
		switch k := rank[i]; {
		case k < Fair.Completed:
			p.ActualStart = min(later(p.ContractStart, r.intn(5)-2), later(p.Signed, 14))
			p.ActualProd = min(later(p.ActualStart, 6+r.intn(18)), to-int32Day(r.intn(25)))
			p.ActualProd = max(p.ActualProd, later(p.ActualStart, 1))
			share = 0.45 + 0.35*r.uniform()
		case k < Fair.Started:
			p.ActualStart = min(later(p.ContractStart, r.intn(8)-2), to-int32Day(r.intn(25)))
			if r.chance(0.5) {
				p.ActualProd = later(Fair.To.First(), 1+r.intn(20)) // built after the follow-up
			}
			share = 0.25 + 0.35*r.uniform()
		case r.chance(0.2):
			p.Terminated = later(p.Signed, 8+r.intn(18))
		}
		j := g.add(p, share)
		if p.ActualStart != 0 {
			g.funds(r, j, share*p.Amount.Yi(), p.ActualStart.Month(), Fair.To, 1+r.intn(4))
		}
	}
	g.scale(func(f *invest.Funds) bool { return f.Project >= first && f.Counted() && f.Month <= Fair.To }, Fair.Funds)
}

// int32Day turns a number of days into a Day difference (within a month).
func int32Day(n int) invest.Day { return invest.Day(n) }

// year generates the projects signed in y.Year: y.SignedCount original
// projects with investors from outside Gansu, and beside them projects
// that do not count at the province's level (investors from Gansu, a
// relocation, leads without a contract, capital increases on the previous
// year's projects prev); then scales the year's counted funds from outside
// the province to y.Funds. It returns the year's counted projects.
func (g *gen) year(r *rng, y Year, prev []int) []int {
	fair := fmt.Sprintf("第%s届兰洽会", chineseNumber(y.Year-1994))
	var counted []int
	signed := func(p *invest.Project) {
		if r.chance(0.35) {
			p.Signed, p.Event = day(y.Year, 7, 6+r.intn(5)), fair
		} else {
			p.Signed = day(y.Year, 1+r.intn(12), 1+r.intn(28))
		}
	}
	for range y.SignedCount {
		p, ind := g.newProject(r, y.Year)
		g.outsideInvestor(r, &p, ind, 0.06)
		signed(&p)
		counted = append(counted, g.project(r, p, ind))
	}
	for range y.SignedCount * 15 / 100 {
		p, ind := g.newProject(r, y.Year)
		g.insideInvestor(r, &p, ind, r.chance(0.3))
		signed(&p)
		g.project(r, p, ind)
	}
	for range y.SignedCount / 100 {
		p, ind := g.newProject(r, y.Year)
		g.insideInvestor(r, &p, ind, true)
		p.Relocation = true
		signed(&p)
		g.project(r, p, ind)
	}
	for range y.SignedCount * 4 / 100 {
		p, ind := g.newProject(r, y.Year)
		g.outsideInvestor(r, &p, ind, 0.06)
		p.ID = fmt.Sprintf("XS-%d-%06d", y.Year, g.serial)
		p.Amount = roundCent(math.Exp(math.Log(3) + 0.8*r.normal()))
		p.Name = projectName(r, ind, p.Amount.Yi())
		g.add(p, 0)
	}
	for _, i := range prev {
		if !r.chance(0.03) {
			continue
		}
		o := &g.l.Projects[i]
		g.serial++
		inc := invest.Project{ID: fmt.Sprintf("%d-%s-%s-03-%06d", y.Year, o.County, o.ID[12:14], g.serial),
			Name: o.Name[:len(o.Name)-len("项目")] + "增资项目", IncreaseOf: o.ID,
			Signed: day(y.Year, 1+r.intn(12), 1+r.intn(28)), Amount: roundCent(o.Amount.Yi() * (0.2 + 0.3*r.uniform()))}
		// Resolved as the readers resolve it; the file leaves these empty.
		inc.County, inc.Investor, inc.InvestorCode, inc.InvestorLoc = o.County, o.Investor, o.InvestorCode, o.InvestorLoc
		g.add(inc, 0)
	}
	first, last := invest.Month(y.Year*100+1), invest.Month(y.Year*100+12)
	g.scale(func(f *invest.Funds) bool {
		p := &g.l.Projects[f.Project]
		return f.Counted() && f.Month >= first && f.Month <= last &&
			invest.Outside(invest.LevelProvince, invest.ScopePrefecture, invest.Classify(p.County, p.InvestorLoc))
	}, y.Funds)
	return counted
}

// project completes a signed project of the main series — its amount,
// dates as of Horizon and funds — and adds it.
func (g *gen) project(r *rng, p invest.Project, ind industry) int {
	p.Amount = roundCent(math.Exp(math.Log(4) + 0.9*r.normal()))
	p.Name = projectName(r, ind, p.Amount.Yi())
	p.ContractStart = later(p.Signed, 2+r.intn(7))
	p.ContractProd = later(p.ContractStart, 12+r.intn(19))
	if s := later(p.ContractStart, r.intn(6)-1); r.chance(0.85) && s <= Horizon {
		p.ActualStart = s
		if e := later(p.ContractProd, r.intn(9)-2); r.chance(0.7) && e <= Horizon {
			p.ActualProd = e
		}
	} else if t := later(p.Signed, 10+r.intn(10)); r.chance(0.15) && t <= Horizon {
		p.Terminated = t
	}
	share := 0.0
	if p.ActualStart != 0 {
		share = 0.4 + 0.5*r.uniform()
	}
	j := g.add(p, share)
	switch {
	case p.ActualStart != 0:
		g.funds(r, j, share*p.Amount.Yi(), p.ActualStart.Month(), min(p.ActualStart.Month().AddMonths(24), Horizon.Month()), 1+r.intn(5))
	case p.Terminated == 0 && r.chance(0.2):
		g.funds(r, j, 0.05*p.Amount.Yi(), p.Signed.Month(), min(p.Signed.Month().AddMonths(6), Horizon.Month()), 1)
	}
	if r.chance(0.004) {
		g.over[j] = true // kept with funds above its amount: the ledger's warning
	}
	return j
}

// scale multiplies the funds rows that in selects so that they sum to
// total exactly: each rounded to 0.01 亿元, the rounding on the largest.
func (g *gen) scale(in func(*invest.Funds) bool, total invest.Amount) {
	var rows []int
	var sum invest.Amount
	for j := range g.l.Funds {
		if in(&g.l.Funds[j]) {
			rows = append(rows, j)
			sum += g.l.Funds[j].Amount
		}
	}
	if len(rows) == 0 {
		panic("ledger: no funds rows to scale")
	}
	k := float64(total) / float64(sum)
	largest, got := rows[0], invest.Amount(0)
	for _, j := range rows {
		f := &g.l.Funds[j]
		f.Amount = roundCent(f.Amount.Yi() * k)
		got += f.Amount
		if f.Amount > g.l.Funds[largest].Amount {
			largest = j
		}
	}
	g.l.Funds[largest].Amount += total - got
}

// exactSplit shares total out in proportion to weights, in 0.01 亿元 of at
// least 0.01, the rounding on the largest share.
func exactSplit(weights []float64, total invest.Amount) []invest.Amount {
	sum := 0.0
	for _, w := range weights {
		sum += w
	}
	out := make([]invest.Amount, len(weights))
	var got invest.Amount
	largest := 0
	for i, w := range weights {
		out[i] = roundCent(total.Yi() * w / sum)
		got += out[i]
		if out[i] > out[largest] {
			largest = i
		}
	}
	out[largest] += total - got
	return out
}

// raiseAmounts makes the main series' amounts at least the funds their
// projects received (the yearly scaling may push a project's funds above
// what was drawn), 10 % above them; the projects marked over keep theirs.
// The cohort, whose amounts are published, is left alone.
func (g *gen) raiseAmounts() {
	totals := map[int]invest.Amount{}
	for _, f := range g.l.Funds {
		totals[f.Project] += f.Amount
	}
	for i, t := range totals {
		p := &g.l.Projects[i]
		if p.Event == Fair.Event || g.over[i] || t <= p.Amount {
			continue
		}
		p.Amount = roundCent(t.Yi() * 1.1)
	}
}

// sorted returns the ledger with each project's funds rows by month.
func (g *gen) sorted() *Demo {
	idx := make([]int, len(g.l.Funds))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		fa, fb := &g.l.Funds[a], &g.l.Funds[b]
		if fa.Project != fb.Project {
			return fa.Project - fb.Project
		}
		return int(fa.Month - fb.Month)
	})
	d := &Demo{Ledger: invest.Ledger{Projects: g.l.Projects}}
	for _, j := range idx {
		d.Funds = append(d.Funds, g.l.Funds[j])
		d.Evidence = append(d.Evidence, g.evidence[j])
	}
	return d
}

// perm returns a permutation of 0..n-1 (Fisher–Yates).
func (r *rng) perm(n int) []int {
	p := make([]int, n)
	for i := range p {
		p[i] = i
	}
	for i := n - 1; i > 0; i-- {
		j := r.intn(i + 1)
		p[i], p[j] = p[j], p[i]
	}
	return p
}

// chineseNumber writes 1 ≤ n < 100 in Chinese numerals (二十六).
func chineseNumber(n int) string {
	digits := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n < 10:
		return digits[n]
	case n < 20:
		return "十" + digits[n%10]
	}
	return digits[n/10] + "十" + digits[n%10]
}
