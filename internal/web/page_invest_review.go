package web

import (
	"net/http"
	"strings"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/invest"
	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/store"
)

func init() {
	registerUI(map[string][2]string{
		"invest.rv.title":       {"招商引资月报", "Monthly investment reports"},
		"invest.rv.months":      {"报送任务", "Reporting tasks"},
		"invest.rv.month":       {"月份", "Month"},
		"invest.rv.deadline":    {"截止时间", "Deadline"},
		"invest.rv.open":        {"填报中", "Open"},
		"invest.rv.locked":      {"已锁定", "Locked"},
		"invest.rv.reopened":    {"已重新开放至 %s", "Reopened until %s"},
		"invest.rv.published":   {"已发布", "Published"},
		"invest.rv.newMonth":    {"新建报送任务", "New reporting task"},
		"invest.rv.create":      {"创建", "Create"},
		"invest.rv.reopen":      {"重新开放", "Reopen"},
		"invest.rv.reason":      {"原因", "Reason"},
		"invest.rv.till":        {"开放至", "Open until"},
		"invest.rv.publish":     {"发布", "Publish"},
		"invest.rv.own":         {"本县区月报", "My county's reports"},
		"invest.rv.waiting":     {"待我审核", "Waiting for my review"},
		"invest.rv.none":        {"没有待审核的月报。", "No report waits for you."},
		"invest.rv.state":       {"状态", "State"},
		"invest.rv.level":       {"所在环节", "Held by"},
		"invest.rv.projects":    {"项目表（CSV）", "Projects (CSV)"},
		"invest.rv.funds":       {"到位资金表（CSV）", "Funds (CSV)"},
		"invest.rv.save":        {"保存", "Save"},
		"invest.rv.submit":      {"提交审核", "Submit for review"},
		"invest.rv.pass":        {"通过", "Pass"},
		"invest.rv.return":      {"退回", "Return"},
		"invest.rv.opinion":     {"审核意见", "Opinion"},
		"invest.rv.steps":       {"审核记录", "Review history"},
		"invest.rv.rows":        {"%d 个项目、%d 行到位资金", "%d projects, %d funds rows"},
		"invest.rv.dup":         {"疑似重复：%s 与台账中 %s", "Possible duplicate: %s and %s of the ledger"},
		"invest.rv.problem":     {"内容有误：%s", "The content has problems: %s"},
		"invest.rv.contacts":    {"首报首谈登记", "First-contact register"},
		"invest.rv.investor":    {"投资方", "Investor"},
		"invest.rv.code":        {"投资方代码", "Investor code"},
		"invest.rv.day":         {"接洽日期", "Met on"},
		"invest.rv.note":        {"备注", "Note"},
		"invest.rv.register":    {"登记", "Register"},
		"invest.rv.contactDone": {"已登记；其他县区此前登记过该投资方 %s 次。", "Registered; other counties registered this investor %s times before."},
		"invest.rv.done":        {"已完成：%s", "Done: %s"},
		"invest.rv.report":      {"下载月报（XLSX）", "Download the monthly report (XLSX)"},
		"invest.rv.first":       {"%s 已于 %s 首报", "first registered by %s on %s"},
		"invest.rv.elsewhere":   {"其他县区登记 %d 次", "registered %d times by other counties"},
		"invest.lv.county":      {"县区", "County"},
		"invest.lv.prefecture":  {"市州", "Prefecture"},
		"invest.lv.province":    {"省", "Province"},
	})
}

// investReviewView is the data of /invest/review.
type investReviewView struct {
	Manager  bool
	County   string
	Months   []investMonthLine
	Own      []investOwnReport
	Waiting  []investWaiting
	Done     string
	Contacts string // ?contact=: earlier registrations elsewhere
	Register []store.InvestCountyContact
	// Duplicate reports (page_invest_settle.go): the office's cases to
	// settle and what was settled; a county's settlements.
	Dups    []investDupCase
	Settled []store.InvestSettlement
	Names   map[string]store.Unit
}

// investMonthLine is a month task with its state at the time of the page.
type investMonthLine struct {
	store.InvestMonthTask
	Open, Reopened bool
}

// investOwnReport is a county's report of one month task.
type investOwnReport struct {
	Task    investMonthLine
	Report  store.InvestReport
	Steps   []store.InvestReportStep
	CanEdit bool
}

// investWaiting is a report waiting for the caller's review.
type investWaiting struct {
	Report     store.InvestReport
	CountyName string
	Steps      []store.InvestReportStep
	Content    *investContent
	Problem    string
}

// investReview is /invest/review, what waits for me: a county user sees
// her county's reports of each month task, with the form to save and
// submit the month's rows while the month is open, and the first-contact
// register; a prefecture reviewer the reports under review at her
// prefecture; the provincial office those under review at the province
// (with possible duplicates), and the month tasks to open, reopen and
// publish. Departments and viewers take no part in the reporting.
func (s *Server) investReview(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	u := c.principal()
	if c.anonymous() || (u.Role != auth.RoleCounty && u.Role != auth.RolePrefecture && !auth.InvestManagesMonths(u)) {
		return deny(c, "review investment reports")
	}
	ctx := r.Context()
	now := time.Now()
	months, err := s.db.InvestMonths(ctx)
	if err != nil {
		return err
	}
	v := investReviewView{Manager: auth.InvestManagesMonths(u), Done: r.URL.Query().Get("done"), Contacts: r.URL.Query().Get("contact")}
	for _, m := range months {
		v.Months = append(v.Months, investMonthLine{InvestMonthTask: m, Open: m.Window().Open(now), Reopened: m.ReopenedTill.After(m.Deadline)})
	}
	names, err := s.unitNames(ctx)
	if err != nil {
		return err
	}
	v.Names = names
	switch u.Role {
	case auth.RoleCounty:
		v.County = u.Unit
		if v.Settled, err = s.db.InvestSettlements(ctx, u.Unit); err != nil {
			return err
		}
		if v.Register, err = s.db.InvestContactsOf(ctx, u.Unit); err != nil {
			return err
		}
		own, err := s.db.InvestReports(ctx, store.InvestReportFilter{County: u.Unit})
		if err != nil {
			return err
		}
		byMonth := map[invest.Month]store.InvestReport{}
		for _, rep := range own {
			byMonth[rep.Month] = rep
		}
		for _, m := range v.Months {
			o := investOwnReport{Task: m, Report: byMonth[m.Month]}
			if o.Report.ID != 0 {
				if o.Steps, err = s.db.InvestReportSteps(ctx, o.Report.ID); err != nil {
					return err
				}
			}
			st := o.Report.State
			o.CanEdit = m.Open && (st == "" || st == invest.ReportSaved || st == invest.ReportReturned)
			v.Own = append(v.Own, o)
		}
	case auth.RolePrefecture:
		if v.Waiting, err = s.investWaiting(r, store.InvestReportFilter{State: invest.ReportInReview, Level: invest.AtPrefecture,
			Prefecture: u.Unit}, names); err != nil {
			return err
		}
	default:
		if v.Waiting, err = s.investWaiting(r, store.InvestReportFilter{State: invest.ReportInReview, Level: invest.AtProvince}, names); err != nil {
			return err
		}
		if v.Dups, err = s.investDuplicates(r, names); err != nil {
			return err
		}
		if v.Settled, err = s.db.InvestSettlements(ctx, ""); err != nil {
			return err
		}
	}
	s.render(w, r, http.StatusOK, "invest_review", v)
	return nil
}

// investWaiting lists the reports f selects with their steps and content.
func (s *Server) investWaiting(r *http.Request, f store.InvestReportFilter, names map[string]store.Unit) ([]investWaiting, error) {
	reps, err := s.db.InvestReports(r.Context(), f)
	if err != nil {
		return nil, err
	}
	var out []investWaiting
	for _, rep := range reps {
		wt := investWaiting{Report: rep, CountyName: names[rep.County].Name}
		if wt.Steps, err = s.db.InvestReportSteps(r.Context(), rep.ID); err != nil {
			return nil, err
		}
		if wt.Content, err = s.readInvestReport(r.Context(), rep.County, rep.Projects, rep.Funds); err != nil {
			wt.Problem, wt.Content = problemText(err, pageLang(r)), nil
		}
		out = append(out, wt)
	}
	return out, nil
}

// problemText is an error as one line: its message and its located
// problems.
func problemText(err error, lang locale.Lang) string {
	e := asError(err, lang)
	parts := []string{e.Msg.In(lang)}
	for _, d := range details(e.Cells, lang) {
		parts = append(parts, strings.TrimSpace(d.Place+" "+d.Message))
	}
	return strings.Join(parts, "；")
}
