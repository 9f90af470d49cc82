package web

import (
	"net/http"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/followup"
	"github.com/qiangxian/qiangxian/internal/invest"
	"github.com/qiangxian/qiangxian/internal/store"
)

func init() {
	registerUI(map[string][2]string{
		"fu.project":               {"项目履约", "Project follow-up"},
		"fu.terms":                 {"标准地承诺", "标准地 terms"},
		"fu.landMu":                {"用地（亩）", "Land (mu)"},
		"fu.investPerMu":           {"亩均投资（万元/亩）", "Investment per mu (10k yuan)"},
		"fu.taxPerMu":              {"亩均税收（万元/亩·年）", "Tax per mu and year (10k yuan)"},
		"fu.energyPerUnit":         {"单位产出能耗上限（吨标准煤/万元）", "Energy per output, at most (tce per 10k yuan)"},
		"fu.years":                 {"承诺与实际（万元；就业：人；能耗：吨标准煤）", "Commitments and actuals (10k yuan; jobs: people; energy: tce)"},
		"fu.year":                  {"年度", "Year"},
		"fu.side":                  {"口径", "Side"},
		"fu.side.commit":           {"承诺", "committed"},
		"fu.side.actual":           {"实际", "actual"},
		"fu.investment":            {"投资", "Investment"},
		"fu.tax":                   {"税收", "Tax"},
		"fu.output":                {"产值", "Output"},
		"fu.jobs":                  {"就业", "Jobs"},
		"fu.energy":                {"能耗", "Energy"},
		"fu.check":                 {"检查项", "Check"},
		"fu.committed":             {"承诺", "Committed"},
		"fu.actual":                {"实际", "Actual"},
		"fu.ratio":                 {"完成比例", "Ratio"},
		"fu.daysLate":              {"逾期天数", "Days late"},
		"fu.notReported":           {"未报", "not reported"},
		"fu.noFindings":            {"各项承诺均已履行或未到期。", "Every commitment is met or not yet due."},
		"fu.incentives":            {"奖补台账", "Incentive ledger"},
		"fu.kind":                  {"类别", "Kind"},
		"fu.kind.tax":              {"税收优惠", "tax break"},
		"fu.kind.subsidy":          {"财政奖励或补贴", "subsidy or award"},
		"fu.kind.factor":           {"要素价格优惠", "factor-price discount"},
		"fu.kind.fee":              {"收费、基金、社保费优惠", "fee or contribution relief"},
		"fu.kind.service":          {"服务保障", "services"},
		"fu.kind.other":            {"其他", "other"},
		"fu.content":               {"内容", "Content"},
		"fu.amount":                {"金额（万元）", "Amount (10k yuan)"},
		"fu.namedFirm":             {"给予特定经营者", "Named firm"},
		"fu.selective":             {"选择性、差异化", "Selective"},
		"fu.basis":                 {"法律、行政法规依据或国务院批准", "Legal basis or State Council approval"},
		"fu.granted":               {"承诺日期", "Promised on"},
		"fu.flag":                  {"公平竞争审查", "Fair-competition review"},
		"fu.flag.prohibited":       {"违反《公平竞争审查条例》", "Prohibited by the Regulation"},
		"fu.flag.legacy":           {"条例施行前的存量政策，应清理", "Before the Regulation: to be cleaned up"},
		"fu.flag.review":           {"写明依据，需核实", "Basis stated: to be checked"},
		"fu.noIncentives":          {"没有登记奖补。", "No incentive recorded."},
		"fu.defaults":              {"违约处置", "Default actions"},
		"fu.day":                   {"日期", "Day"},
		"fu.action":                {"措施", "Action"},
		"fu.action.notice":         {"发出催告函", "notice served"},
		"fu.action.penalty":        {"收取违约金", "penalty"},
		"fu.action.clawback":       {"追回奖补资金", "incentives clawed back"},
		"fu.action.land_reclaimed": {"收回土地", "land reclaimed"},
		"fu.action.other":          {"其他", "other"},
		"fu.note":                  {"说明", "Note"},
		"fu.noDefaults":            {"没有处置记录。", "No default action."},
		"fu.save":                  {"保存", "Save"},
		"fu.add":                   {"登记", "Record"},
		"fu.saved":                 {"已保存。", "Saved."},
		"fu.problems":              {"督办问题", "Problems (督办)"},
		"fu.noProblems":            {"没有由本项目列入的问题。", "No problem raised from this project."},
		"fu.raise":                 {"列入问题清单", "Raise a problem"},
		"fu.article.tax":           {"第十条第（一）项", "art. 10 (1)"},
		"fu.article.subsidy":       {"第十条第（二）项", "art. 10 (2)"},
		"fu.article.factor":        {"第十条第（三）项", "art. 10 (3)"},
		"fu.article.fee":           {"第十条第（三）项", "art. 10 (3)"},
		"fu.ledgerLink":            {"台账记录", "Ledger record"},
	})
}

// followupProjectView is /invest/followup/{id}.
type followupProjectView struct {
	followupRow
	AsOf       string
	CountyName string
	CanWrite   bool
	CanRaise   bool
	Done       bool
	Problems   []problemJSON
	Kinds      []followup.IncentiveKind
	Actions    []string
	Deadline   string // the default deadline of a problem raised today
	ThisYear   int
}

// investFollowupProject is one signed project's follow-up: the findings,
// the terms, the years, the incentive ledger with its flags, the default
// actions, the 包抓 leader and the problems raised from it, with the forms
// the caller may use.
func (s *Server) investFollowupProject(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	rec, res, err := s.followupRecord(r, r.PathValue("id"), auth.Read)
	if err != nil {
		return err
	}
	day, err := s.followupAsOf(r)
	if err != nil {
		return err
	}
	names, err := s.unitNames(r.Context())
	if err != nil {
		return err
	}
	today := invest.DayOf(time.Now().In(store.ChinaTime))
	v := &followupProjectView{followupRow: followupRow{FollowupRecord: rec, Assessment: followup.Assess(rec.Rule(), day, followup.DefaultRules)},
		AsOf: day.String(), CountyName: names[rec.Project.County].Name, CanWrite: auth.CanFollowup(c.principal(), auth.Write, res),
		CanRaise: auth.CanFollowup(c.principal(), auth.Raise, res), Done: r.URL.Query().Get("done") != "",
		Kinds: followup.IncentiveKinds, Actions: store.DefaultActions, Deadline: followup.DefaultDeadline(followup.LinkProject, today).String(),
		ThisYear: today.Year()}
	ps, err := s.readableProblems(r, store.ProblemFilter{Project: rec.Project.ID})
	if err != nil {
		return err
	}
	for _, p := range ps {
		v.Problems = append(v.Problems, problemOut(p, time.Now()))
	}
	s.render(w, r, http.StatusOK, "invest_followup_project", v)
	return nil
}
