package seed

import (
	"context"
	"fmt"
	"math"
	"time"

	"github.com/qiangxian/qiangxian/internal/followup"
	"github.com/qiangxian/qiangxian/internal/invest"
	"github.com/qiangxian/qiangxian/internal/store"
)

// followupCounty is the demo county user's county (users.go): it gets
// projects under follow-up in every status and problems of its own.
const followupCounty = "620102"

// putFollowup puts demo key projects of the ledger under contract
// follow-up (示例数据): 标准地 terms, commitments and actuals for 2021–2023
// at three levels of performance, so that every status (正常, 预警, 违约)
// appears on the ledger's latest day; incentives with every
// fair-competition flag; default actions on the projects in breach; 包抓
// leaders (posts, no names) for the largest key projects; and problems of
// the 督办 loop raised from projects behind schedule and from a zone
// warning, some overdue, some along the loop.
func putFollowup(ctx context.Context, db *store.DB, actor store.Actor) error {
	ks, err := db.FollowupKeyProjects(ctx, store.FollowupFilter{}, followup.DefaultRules.KeyAmount)
	if err != nil {
		return err
	}
	last, err := db.InvestLastMonth(ctx)
	if err != nil || last == 0 {
		return err
	}
	asOf := last.Last()
	// The county user's projects first, then the others, largest first.
	var order []store.KeyProject
	for pass := range 2 {
		for _, k := range ks {
			if (k.County == followupCounty) == (pass == 0) {
				order = append(order, k)
			}
		}
	}
	want := map[followup.Status]int{followup.Normal: 4, followup.Warn: 4, followup.Breach: 4}
	var chosen []store.KeyProject
	var statuses []followup.Status
	for _, k := range order {
		if y := k.Signed.Year(); y != 2020 && y != 2021 {
			continue
		}
		for _, st := range []followup.Status{followup.Breach, followup.Warn, followup.Normal} {
			if want[st] == 0 {
				continue
			}
			terms, years := demoCommitments(&k.Project, st)
			got := followup.Assess(followup.Project{ContractStart: k.ContractStart, ActualStart: k.ActualStart, ContractProd: k.ContractProd,
				ActualProd: k.ActualProd, Terminated: k.Terminated, Terms: terms, Years: demoRuleYears(years)}, asOf, followup.DefaultRules)
			if got.Status != st {
				continue
			}
			if err := db.PutFollowupTerms(ctx, actor, k.ID, terms); err != nil {
				return err
			}
			if err := db.PutFollowupYears(ctx, actor, k.ID, years); err != nil {
				return err
			}
			want[st]--
			chosen, statuses = append(chosen, k), append(statuses, st)
			break
		}
		if want[followup.Normal]+want[followup.Warn]+want[followup.Breach] == 0 {
			break
		}
	}
	if err := putIncentives(ctx, db, actor, chosen, statuses); err != nil {
		return err
	}
	posts := []string{"县委书记", "县长", "常务副县长", "分管工业的副县长"}
	depts := []string{"县发展和改革局", "县商务局（招商局）", "县工业和信息化局", "县自然资源局"}
	var leaders []store.FollowupLeader
	for i, k := range ks[:min(len(ks), 40)] {
		leaders = append(leaders, store.FollowupLeader{ProjectID: k.ID, Leader: posts[i%len(posts)] + "（示例）", Department: depts[i%len(depts)]})
	}
	if err := db.PutFollowupLeaders(ctx, actor, leaders); err != nil {
		return err
	}
	return putProjectProblems(ctx, db, actor, order, asOf)
}

// demoCommitments are a project's terms and years at a level of
// performance: investment 40 %, 40 %, 20 % of the 协议投资额 over
// 2021–2023, land at 300 万元 per 亩, tax 15 万元 per 亩 and output 0.8
// times the investment from 2022; actuals at 105 % (正常), 85 % (预警) or
// 50 % (违约) of each commitment.
func demoCommitments(p *invest.Project, st followup.Status) (followup.Terms, []store.FollowupYear) {
	total := p.Amount.Yi() * 10000 // 万元
	land := math.Round(total / 300)
	terms := followup.Terms{LandMu: land, InvestPerMu: 300, TaxPerMu: 15, EnergyPerUnit: 0.3}
	share := []float64{1.05, 0.85, 0.5}[st]
	energy := []float64{0.25, 0.32, 0.5}[st]
	var ys []store.FollowupYear
	for i, y := range []int{2021, 2022, 2023} {
		c := followup.Figures{Investment: total * []float64{0.4, 0.4, 0.2}[i], Tax: math.NaN(), Output: math.NaN(), Jobs: float64(100 * (i + 1)), Energy: math.NaN()}
		if i > 0 {
			c.Tax, c.Output = land*15, total*0.8
		}
		a := followup.Figures{Investment: math.Round(c.Investment * share), Tax: math.Round(c.Tax * share), Output: math.Round(c.Output * share),
			Jobs: math.Round(c.Jobs * share), Energy: math.NaN()}
		if i > 0 {
			a.Energy = math.Round(a.Output * energy)
		}
		ys = append(ys, store.FollowupYear{Year: y, Side: store.SideCommit, Figures: c}, store.FollowupYear{Year: y, Side: store.SideActual, Figures: a})
	}
	return terms, ys
}

// demoRuleYears turns stored rows (commit then actual per year) into the
// rules' years.
func demoRuleYears(rows []store.FollowupYear) []followup.Year {
	var out []followup.Year
	for i := 0; i+1 < len(rows); i += 2 {
		out = append(out, followup.Year{Year: rows[i].Year, Commit: rows[i].Figures, Actual: rows[i+1].Figures})
	}
	return out
}

// putIncentives gives the chosen projects incentive ledgers with every
// flag: a tax rebate to the named investor promised at signing (before
// the regulation: to be cleaned up), a land-price discount in a
// supplementary agreement after 2024-08-01 (prohibited), a selective
// subsidy citing a basis (to be checked), and a uniform subsidy and
// services (no flag).
func putIncentives(ctx context.Context, db *store.DB, actor store.Actor, ps []store.KeyProject, sts []followup.Status) error {
	type item struct {
		content string
		in      followup.Incentive
		amount  float64
	}
	for i, p := range ps {
		items := []item{{"代办项目审批手续，水电路气接至红线（示例）", followup.Incentive{Kind: followup.IncentiveService}, math.NaN()}}
		switch i % 4 {
		case 0:
			items = append(items, item{"投产后前三年地方留成税收全额返还（示例）", followup.Incentive{Kind: followup.IncentiveTax, Specific: true, Granted: p.Signed}, 1200})
		case 1:
			items = append(items, item{"补充协议：工业用地出让价按基准地价五折（示例）", followup.Incentive{Kind: followup.IncentiveFactor, Specific: true, Granted: 20240915}, 800})
		case 2:
			items = append(items, item{"一事一议设备购置补贴（示例）", followup.Incentive{Kind: followup.IncentiveSubsidy, Specific: true, Selective: true,
				Basis: "示例：省政府专题会议纪要", Granted: p.Signed}, 500})
		case 3:
			items = append(items, item{"按已公布的技改补助标准申报（示例）", followup.Incentive{Kind: followup.IncentiveSubsidy, Granted: p.Signed}, 300})
		}
		for _, it := range items {
			if _, err := db.AddFollowupIncentive(ctx, actor, store.FollowupIncentive{ProjectID: p.ID, Content: it.content, Amount: it.amount,
				Incentive: it.in}); err != nil {
				return err
			}
		}
		if sts[i] != followup.Breach {
			continue
		}
		for _, d := range []store.FollowupDefault{
			{ProjectID: p.ID, Day: 20230630, Action: "notice", Amount: math.NaN(), Note: "发出履约催告函（示例）"},
			{ProjectID: p.ID, Day: 20231130, Action: "clawback", Amount: 200, Note: "追回已拨付的奖补资金（示例）"},
		} {
			if _, err := db.AddFollowupDefault(ctx, actor, d); err != nil {
				return err
			}
		}
	}
	return nil
}

// putProjectProblems raises problems from eight key projects behind
// schedule (two of the county user's first), each a different way along
// the loop, two overdue already at the end of 2023, and one from a zone
// warning.
func putProjectProblems(ctx context.Context, db *store.DB, actor store.Actor, order []store.KeyProject, asOf invest.Day) error {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	type step struct{ step, body, evidence string }
	plans := []struct {
		resp     string
		deadline time.Time
		steps    []step
	}{
		{"县自然资源局", day(2023, 12, 20), nil},
		{"县发展和改革局", day(2024, 2, 29), []step{{store.StepOrder, "甘招督〔2024〕1号", ""}}},
		{"县自然资源局", day(2024, 3, 31), []step{{store.StepOrder, "甘招督〔2024〕2号", ""}, {store.StepReply, "用地报批材料已报省自然资源厅", ""}}},
		{"县发展和改革局", day(2024, 3, 31), []step{{store.StepOrder, "甘招督〔2024〕3号", ""}, {store.StepReply, "环评批复已取得", ""},
			{store.StepRequest, "", "项目开工报告及现场照片（示例）"}}},
		{"县商务局（招商局）", day(2024, 2, 29), []step{{store.StepOrder, "甘招督〔2024〕4号", ""}, {store.StepReply, "投资方资金已到位", ""},
			{store.StepRequest, "", "银行进账单（示例）"}, {store.StepApprove, "", ""}}},
		{"县工业和信息化局", day(2027, 6, 30), nil},
		{"县供电公司", day(2027, 6, 30), []step{{store.StepOrder, "甘招督〔2024〕5号", ""}}},
		{"县自然资源局", day(2023, 12, 15), nil},
	}
	n := 0
	for _, k := range order {
		if n == len(plans) {
			break
		}
		b := followup.BehindSchedule(&k.Project, asOf)
		if !b.Late() || (k.County == followupCounty && n >= 2) {
			continue
		}
		pl := plans[n]
		what := "开工滞后" // not the page's words 未按期开工: a title is data
		if !b.Start {
			what = "投产滞后"
		}
		p, err := db.RaiseProblem(ctx, actor, store.Problem{Source: string(followup.LinkProject), LinkProject: k.ID, Unit: k.County,
			Title: fmt.Sprintf("%s%s %d 天", k.Name, what, b.DaysLate), Responsible: pl.resp, Deadline: pl.deadline})
		if err != nil {
			return err
		}
		for _, s := range pl.steps {
			if _, err := db.AdvanceProblem(ctx, actor, p.ID, s.step, s.body, s.evidence); err != nil {
				return err
			}
		}
		n++
	}
	_, err := db.RaiseProblem(ctx, actor, store.Problem{Source: string(followup.LinkZone), LinkZone: zoneExit, LinkYear: 2025,
		LinkAction: "退出预警", Unit: zoneExit, Title: "开发区连续两年位列本组末位，列入退出预警（示例）", Responsible: "园区管委会",
		Measures: "清理低效用地，引进补链项目", Deadline: day(2026, 6, 30)})
	return err
}
