package ledger

import (
	"fmt"
	"math"

	"github.com/qiangxian/qiangxian/internal/demo"
	"github.com/qiangxian/qiangxian/internal/invest"
)

// Horizon is the last day the demo ledger knows: nothing happened after it.
const Horizon invest.Day = 20231231

// cent is 0.01 亿元 (one million 元), the demo's smallest amount.
const cent = invest.AmountScale / 100

// gen is the state of one generation.
type gen struct {
	l        *invest.Ledger
	counties []demo.County
	cum      []float64 // cumulative county weights
	domCum   []float64
	abrCum   []float64
	indCum   []float64
	serial   int
	share    []float64 // per project: the share of its amount it receives in place
	evidence []string  // per funds row: its 凭证
	over     map[int]bool
}

// Demo is the generated ledger with each funds row's 凭证 (evidence) text.
type Demo struct {
	invest.Ledger
	Evidence []string // by funds row; "" none
}

// Generate returns the demo ledger: the 第十九届兰洽会 cohort, then the
// projects of 2020 to 2023 and their funds in place, with the figures of
// Years and Fair (a test checks them through invest.Compute and the
// command line).
func Generate() *Demo {
	g := &gen{l: &invest.Ledger{}, counties: demo.Counties(), over: map[int]bool{}}
	for _, c := range g.counties {
		w := math.Pow(float64(c.Pop2020), 0.8)
		if c.PrefectureCode == "620100" {
			w *= 1.8 // the provincial capital draws more
		}
		g.cum = appendCum(g.cum, w)
	}
	for _, o := range domestic {
		g.domCum = appendCum(g.domCum, o.weight)
	}
	for _, o := range abroad {
		g.abrCum = appendCum(g.abrCum, o.weight)
	}
	for range industries {
		g.indCum = appendCum(g.indCum, 1)
	}
	g.cohort(stream("cohort"))
	var prev []int
	for _, y := range Years {
		prev = g.year(stream(fmt.Sprint("year", y.Year)), y, prev)
	}
	g.raiseAmounts()
	return g.sorted()
}

func appendCum(cum []float64, w float64) []float64 {
	if len(cum) > 0 {
		w += cum[len(cum)-1]
	}
	return append(cum, w)
}

// day returns y-m-d with d clamped to 28.
func day(y, m, d int) invest.Day { return invest.Day(y*10000 + m*100 + min(d, 28)) }

// later returns d moved n months on (the day clamped to 28).
func later(d invest.Day, n int) invest.Day {
	m := d.Month().AddMonths(n)
	return invest.Day(int(m)*100 + min(int(d)%100, 28))
}

// roundCent rounds a number of 亿元 to 0.01 亿元, at least 0.01.
func roundCent(v float64) invest.Amount {
	a := invest.Amount(math.Round(v*100)) * cent
	return max(a, cent)
}

// investor fills p's investor from an origin drawn outside Gansu: abroad
// with probability pAbroad.
func (g *gen) outsideInvestor(r *rng, p *invest.Project, ind industry, pAbroad float64) {
	if r.chance(pAbroad) {
		o := abroad[r.pick(g.abrCum)]
		p.Investor, p.InvestorLoc, p.InvestorCode = investorName(r, o, ind), o.code, foreignCode(r, o.code)
		return
	}
	o := domestic[r.pick(g.domCum)]
	p.Investor, p.InvestorLoc, p.InvestorCode = investorName(r, o, ind), o.code, uscc(r, o.code)
}

// insideInvestor fills p's investor from a Gansu county: one of another
// prefecture, or with samePrefecture one of p's own prefecture.
func (g *gen) insideInvestor(r *rng, p *invest.Project, ind industry, samePrefecture bool) {
	for {
		c := g.counties[r.intn(len(g.counties))]
		same := c.PrefectureCode == invest.PrefectureOf(p.County)
		if c.Code == p.County || same != samePrefecture {
			continue
		}
		o := origin{code: c.Code, name: c.Name[:len(c.Name)-3]}
		p.Investor, p.InvestorLoc, p.InvestorCode = investorName(r, o, ind), c.Code, uscc(r, c.Code)
		return
	}
}

// newProject returns a project of year's numbering in a county drawn by
// weight, with its industry.
func (g *gen) newProject(r *rng, year int) (invest.Project, industry) {
	c := g.counties[r.pick(g.cum)]
	ind := industries[r.pick(g.indCum)]
	g.serial++
	id := fmt.Sprintf("%d-%s-%s-03-%06d", year, c.Code, ind.code, g.serial)
	// The class goes by the serial, not by the generator: drawing it would
	// move every later draw, and the demo's published totals with them.
	return invest.Project{ID: id, County: c.Code, Industry: ind.classes[g.serial%len(ind.classes)]}, ind
}

// add appends p with the share of its amount it is to receive in place.
func (g *gen) add(p invest.Project, share float64) int {
	g.l.Projects = append(g.l.Projects, p)
	g.share = append(g.share, share)
	return len(g.l.Projects) - 1
}

// funds spreads total over up to n rows in months from first to last
// (inclusive), most from the counted sources with evidence, some from
// sources that do not count or without evidence.
func (g *gen) funds(r *rng, project int, total float64, first, last invest.Month, n int) {
	if last < first || total <= 0 {
		return
	}
	span := int(last/100-first/100)*12 + int(last%100) - int(first%100) + 1
	n = max(1, min(n, span))
	used := map[invest.Month]bool{}
	weights := make([]float64, n)
	months := make([]invest.Month, n)
	sum := 0.0
	for i := range n {
		m := first.AddMonths(r.intn(span))
		for used[m] {
			m = first.AddMonths(r.intn(span))
		}
		used[m] = true
		months[i] = m
		weights[i] = 0.3 + r.uniform()
		sum += weights[i]
	}
	for i := range n {
		src, evidence := invest.SourceShareholder, "银行进账单"
		switch x := r.uniform(); {
		case x < 0.05:
			src, evidence = invest.SourceLocalBank, "借款合同"
		case x < 0.07:
			src, evidence = invest.SourceGovernment, "拨款文件"
		case x < 0.09:
			evidence = "" // no evidence yet: not counted
		case x < 0.45:
			src, evidence = invest.SourceOwn, "支出凭证"
		case x < 0.60:
			src, evidence = invest.SourceOutsideBank, "借款合同"
		case x < 0.70:
			evidence = "验资报告"
		}
		g.l.Funds = append(g.l.Funds, invest.Funds{Project: project, Month: months[i],
			Amount: roundCent(total * weights[i] / sum), Source: src, Evidence: evidence != ""})
		g.evidence = append(g.evidence, evidence)
	}
}
